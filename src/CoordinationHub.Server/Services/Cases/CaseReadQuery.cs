using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records.Cases;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>
/// GetCase's first round trip, one query: the case, whether the reader reported it, the referrals
/// the reader accepted on it (they make it a referral holder and are grants as well) and, when the
/// disclosure reads them, the case's consents and authorisations. Before, these were five queries;
/// the policy's two of them were what a policed read paid over an unpoliced one
/// (docs/benchmarks.md, "Consent-scoped disclosure"). The case row is read even when the reader
/// may not see it and then dropped: what the reader learns is still only NOT_FOUND.
/// </summary>
internal static class CaseReadQuery
{
    public static async Task<CaseReadRow?> FindAsync(HubDbContext db, string caseId, string agencyId, bool withGrants, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var reportedBy = CaseAccess.ReportedBy(caseId, agencyId);
        var heldBy = CaseAccess.HeldBy(caseId, agencyId);
        var cases = db.Cases.AsNoTracking().Where(c => c.CaseId == caseId);

        // Two shapes rather than one with a condition: EF Core cannot leave out a collection by a parameter.
        var rows = withGrants
            ? cases.Select(c => new CaseReadRow(
                c,
                db.CaseReports.Any(reportedBy),
                db.Referrals.Where(heldBy).Select(r => new HeldReferral(r.ReferralId, r.Purpose, r.DataCategories)).ToList(),
                db.DisclosureGrants.Where(g => g.CaseId == caseId).ToList()))
            : cases.Select(c => new CaseReadRow(
                c,
                db.CaseReports.Any(reportedBy),
                db.Referrals.Where(heldBy).Select(r => new HeldReferral(r.ReferralId, r.Purpose, r.DataCategories)).ToList(),
                new List<DisclosureGrantRecord>()));
        return await rows.SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>One row of <see cref="CaseReadQuery"/>.</summary>
internal sealed record CaseReadRow(CaseRecord Record, bool Reported, List<HeldReferral> HeldReferrals, List<DisclosureGrantRecord> RecordedGrants)
{
    public CaseRelationship Relationship => CaseAccess.Relationship(Reported, HeldReferrals.Count > 0);
}
