using CoordinationHub.Domain.Referrals;
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
    public static Task<CaseReadRow?> FindAsync(HubDbContext db, string caseId, string agencyId, bool withGrants, CancellationToken cancellationToken) =>
        Query(db, caseId, agencyId, withGrants).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The query itself, for tests to look at.</summary>
    public static IQueryable<CaseReadRow> Query(HubDbContext db, string caseId, string agencyId, bool withGrants)
    {
        ArgumentNullException.ThrowIfNull(db);

        // The two facts restate CaseAccess.ReportedBy and CaseAccess.HeldBy, correlated with the
        // case row: EF Core does not splice an expression held in a variable into a subquery of a
        // projection, it runs such a subquery as a query of its own (a round trip per call).
        // CaseReadQueryTests holds both to CaseAccess.RelationshipAsync. Without grants, the
        // grants' join is cut by a parameter: PostgreSQL skips it, and there is one shape to cache.
        return db.Cases.AsNoTracking().Where(c => c.CaseId == caseId).Select(c => new CaseReadRow(
            c,
            db.CaseReports.Any(r => (r.CaseId == c.CaseId || r.OriginalCaseId == c.CaseId) && r.AgencyId == agencyId),
            db.Referrals
                .Where(r => r.CaseId == c.CaseId && r.ToAgencyId == agencyId && r.State == ReferralState.Accepted && r.DueAt > DateTimeOffset.UtcNow)
                .Select(r => new HeldReferral(r.ReferralId, r.Purpose, r.DataCategories)).ToList(),
            db.DisclosureGrants.Where(g => withGrants && g.CaseId == c.CaseId).ToList()));
    }
}

/// <summary>One row of <see cref="CaseReadQuery"/>.</summary>
internal sealed record CaseReadRow(CaseRecord Record, bool Reported, List<HeldReferral> HeldReferrals, List<DisclosureGrantRecord> RecordedGrants)
{
    public CaseRelationship Relationship => CaseAccess.Relationship(Reported, HeldReferrals.Count > 0);
}
