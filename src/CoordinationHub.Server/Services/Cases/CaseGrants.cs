using CoordinationHub.Domain.Disclosure;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Services.Consents;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>
/// The grants that may disclose a case's data to one agency, besides the collector's own basis:
/// <list type="bullet">
/// <item>the case's consents and legal authorisations, all of them, in force or not: the policy
/// picks those naming the agency and explains a withdrawn or expired one to the reader. Read on
/// every call and never cached, so a withdrawal bites on the next read on every replica;</item>
/// <item>the agency's accepted referrals: by referring a case for a purpose and a set of
/// categories, the referring agency discloses, under its own collector basis, exactly that to the
/// agency that accepted. A referral for identification therefore never opens the investigation
/// section, nor one for search the genetic references.</item>
/// </list>
/// </summary>
internal static class CaseGrants
{
    public static async Task<IReadOnlyList<DisclosureGrant>> ForAsync(HubDbContext db, string caseId, string agencyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var referrals = await db.Referrals.AsNoTracking().Where(CaseAccess.HeldBy(caseId, agencyId))
            .Select(r => new HeldReferral(r.ReferralId, r.Purpose, r.DataCategories))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var recorded = await db.DisclosureGrants.AsNoTracking().Where(g => g.CaseId == caseId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return From(referrals, recorded, agencyId, now);
    }

    /// <summary>The grants from rows a caller loaded itself (GetCase loads them with the case, <see cref="CaseReadQuery"/>).</summary>
    public static IReadOnlyList<DisclosureGrant> From(IEnumerable<HeldReferral> referrals, IEnumerable<DisclosureGrantRecord> recorded, string agencyId, DateTimeOffset now) =>
        [.. referrals.Select(r => new DisclosureGrant
        {
            Id = "referral:" + r.ReferralId,
            Kind = DisclosureGrantKind.LegalAuthorisation,
            Purposes = new HashSet<string>([r.Purpose], StringComparer.Ordinal),
            Categories = new HashSet<string>(r.DataCategories, StringComparer.Ordinal),
            RecipientAgencies = new HashSet<string>([agencyId], StringComparer.Ordinal),
        }), .. recorded.Select(g => GrantMapping.ToPolicyGrant(g, now))];
}
