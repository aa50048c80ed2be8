using CoordinationHub.Domain.Disclosure;
using CoordinationHub.Domain.Referrals;
using CoordinationHub.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>
/// The grants that disclose a case's data to one agency, besides the collector's own basis.
/// Until the consent service stores families' consents, the only ones are accepted referrals: by
/// referring a case for a purpose and a set of categories, the referring agency discloses, under
/// its own collector basis, exactly that to the agency that accepted. A referral for
/// identification therefore never opens the investigation section, nor one for search the
/// genetic references.
/// </summary>
internal static class CaseGrants
{
    public static async Task<IReadOnlyList<DisclosureGrant>> ForAsync(HubDbContext db, string caseId, string agencyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => r.CaseId == caseId && r.ToAgencyId == agencyId && r.State == ReferralState.Accepted && r.DueAt > DateTimeOffset.UtcNow)
            .Select(r => new { r.ReferralId, r.Purpose, r.DataCategories })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. referrals.Select(r => new DisclosureGrant
        {
            Id = "referral:" + r.ReferralId,
            Kind = DisclosureGrantKind.LegalAuthorisation,
            Purposes = new HashSet<string>([r.Purpose], StringComparer.Ordinal),
            Categories = new HashSet<string>(r.DataCategories, StringComparer.Ordinal),
            RecipientAgencies = new HashSet<string>([agencyId], StringComparer.Ordinal),
        })];
    }
}
