using System.Linq.Expressions;
using CoordinationHub.Domain.Referrals;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records.Cases;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>
/// Object-level access to cases: an agency may see that a case exists only if it reported it or
/// holds an accepted referral on it (consents and legal authorisations naming the agency join in
/// with the consent service). A report moved by a merge still counts on the case it was filed on,
/// so the reporter can follow its reference to the closed case and on to the survivor. For everyone else the case does not exist: callers answer NOT_FOUND,
/// never PERMISSION_DENIED, so that the existence of a missing-person case does not leak.
/// </summary>
internal static class CaseAccess
{
    // An accepted referral counts only until it is due: past its due time it is expired, whether or
    // not the expiry sweep has stored that yet. "Now" is the database's clock (EF translates
    // DateTimeOffset.UtcNow to now()), the same on every replica.

    /// <summary>Whether <paramref name="agencyId"/> may see case <paramref name="caseId"/> at all.</summary>
    public static async Task<CaseRelationship> RelationshipAsync(HubDbContext db, string caseId, string agencyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.CaseReports.AnyAsync(ReportedBy(caseId, agencyId), cancellationToken).ConfigureAwait(false))
        {
            return CaseRelationship.Reporter;
        }

        if (await db.Referrals.AnyAsync(HeldBy(caseId, agencyId), cancellationToken).ConfigureAwait(false))
        {
            return CaseRelationship.ReferralHolder;
        }

        return CaseRelationship.None;
    }

    /// <summary>The relationship from the two facts <see cref="ReportedBy"/> and <see cref="HeldBy"/> establish, for callers that fetch them in a larger query.</summary>
    public static CaseRelationship Relationship(bool reported, bool held) =>
        reported ? CaseRelationship.Reporter : held ? CaseRelationship.ReferralHolder : CaseRelationship.None;

    /// <summary>Reports that make <paramref name="agencyId"/> a reporter of case <paramref name="caseId"/>.</summary>
    public static Expression<Func<CaseReportRecord, bool>> ReportedBy(string caseId, string agencyId) =>
        r => (r.CaseId == caseId || r.OriginalCaseId == caseId) && r.AgencyId == agencyId;

    /// <summary>Referrals that let <paramref name="agencyId"/> see case <paramref name="caseId"/>: accepted and not yet due.</summary>
    public static Expression<Func<ReferralRecord, bool>> HeldBy(string caseId, string agencyId) =>
        r => r.CaseId == caseId && r.ToAgencyId == agencyId && r.State == ReferralState.Accepted && r.DueAt > DateTimeOffset.UtcNow;

    /// <summary>The ids of the cases <paramref name="agencyId"/> may see, as a query to compose with filters and paging.</summary>
    public static IQueryable<string> VisibleCaseIds(HubDbContext db, string agencyId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.CaseReports.Where(r => r.AgencyId == agencyId).Select(r => r.CaseId)
            .Union(db.CaseReports.Where(r => r.AgencyId == agencyId).Select(r => r.OriginalCaseId))
            .Union(db.Referrals.Where(r => r.ToAgencyId == agencyId && r.State == ReferralState.Accepted && r.DueAt > DateTimeOffset.UtcNow).Select(r => r.CaseId));
    }
}
