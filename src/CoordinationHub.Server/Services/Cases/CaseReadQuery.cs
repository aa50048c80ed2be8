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

        // The access rule's own predicates (CaseAccess), as queries captured by the projection:
        // EF Core inlines a captured IQueryable into the statement. An Expression held in a
        // variable and passed to Any/Where inside the projection would not be: EF Core runs such a
        // subquery as a query of its own, synchronously, while materialising the row.
        // CaseReadQueryTests holds the query to one command. Without grants, the grants' join is
        // cut by a parameter: EF Core compiles the SQL without it, and there is one shape to cache.
        var reports = db.CaseReports.Where(CaseAccess.ReportedBy(caseId, agencyId));
        var held = db.Referrals.Where(CaseAccess.HeldBy(caseId, agencyId));
        return db.Cases.AsNoTracking().Where(c => c.CaseId == caseId).Select(c => new CaseReadRow(
            c,
            reports.Any(),
            held.Select(r => new HeldReferral(r.ReferralId, r.Purpose, r.DataCategories)).ToList(),
            db.DisclosureGrants.Where(g => withGrants && g.CaseId == c.CaseId).ToList()));
    }
}

/// <summary>One row of <see cref="CaseReadQuery"/>.</summary>
internal sealed record CaseReadRow(CaseRecord Record, bool Reported, List<HeldReferral> HeldReferrals, List<DisclosureGrantRecord> RecordedGrants)
{
    public CaseRelationship Relationship => CaseAccess.Relationship(Reported, HeldReferrals.Count > 0);
}
