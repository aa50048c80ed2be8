using CoordinationHub.Domain.Referrals;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Services.Cases;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Services.Notifications;

/// <summary>
/// The agencies with a stake in a case, who hear what happens to it: its reporters, the holders
/// of accepted referrals still in force, the parties of its identifications, and the liaison
/// agencies its family contacts name (DESIGN.md section 5: the agency holding the family's contact
/// is told of an identification). Revoked agencies hear nothing more.
/// </summary>
internal static class CaseStakeholders
{
    public static async Task<List<AgencyRecord>> ForAsync(HubDbContext db, CaseRecord caseRecord, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caseRecord);
        var caseId = caseRecord.CaseId;
        var reporters = db.CaseReports.Where(r => r.CaseId == caseId || r.OriginalCaseId == caseId).Select(r => r.AgencyId);
        var referralHolders = db.Referrals
            .Where(r => r.CaseId == caseId && r.State == ReferralState.Accepted && r.DueAt > DateTimeOffset.UtcNow)
            .Select(r => r.ToAgencyId);
        var identificationReporters = db.Identifications.Where(i => i.CaseId == caseId).Select(i => i.ReportingAgencyId);
        var identificationReviewers = db.Identifications.Where(i => i.CaseId == caseId && i.ReviewingAgencyId != "").Select(i => i.ReviewingAgencyId);
        var liaisons = CaseSectionColumns.ReadAll(caseRecord).Contacts
            .Select(c => c.LiaisonAgencyId).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList();

        var ids = reporters.Union(referralHolders).Union(identificationReporters).Union(identificationReviewers);
        return await db.Agencies.AsNoTracking()
            .Where(a => (ids.Contains(a.AgencyId) || liaisons.Contains(a.AgencyId)) && a.Status != AgencyStatus.Revoked)
            .OrderBy(a => a.AgencyId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
