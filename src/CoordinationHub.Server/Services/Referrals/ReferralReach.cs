using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Security;

namespace CoordinationHub.Server.Services.Referrals;

/// <summary>
/// A referral never widens what anyone may see. Its purpose and categories must lie within the
/// sender's claims (an agency cannot hand on what it may not use itself), within the recipient's
/// claims (it could never act on the rest), and, when the sender sees the case only through
/// referrals it accepted, within those referrals (an onward referral passes on no more than it got).
/// </summary>
internal static class ReferralReach
{
    // heldReferrals: the sender's accepted, unexpired referrals on the case; null when it reported the case.
    public static string? Check(ReferralDraft draft, AuthenticatedAgency sender, AgencyRecord recipient, IReadOnlyCollection<ReferralRecord>? heldReferrals)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(recipient);
        if (!sender.Purposes.Contains(draft.Purpose))
        {
            return $"purpose {draft.Purpose} is not among the sending agency's claimed purposes.";
        }

        if (!recipient.Purposes.Contains(draft.Purpose))
        {
            return $"purpose {draft.Purpose} is not among the purposes agency '{recipient.AgencyId}' may act for.";
        }

        if (heldReferrals is not null && !heldReferrals.Any(r => r.Purpose == draft.Purpose))
        {
            return $"purpose {draft.Purpose} is not one the case was referred to the sending agency for.";
        }

        return Outside(draft, sender.DataCategories.Contains, "the sending agency's claims")
            ?? Outside(draft, recipient.DataCategories.Contains, $"the claims of agency '{recipient.AgencyId}'")
            ?? (heldReferrals is null ? null : Outside(draft, c => heldReferrals.Any(r => r.DataCategories.Contains(c)), "the referrals the sending agency holds on the case"));
    }

    private static string? Outside(ReferralDraft draft, Func<string, bool> within, string what)
    {
        var outside = draft.Categories.Where(c => !within(c)).ToList();
        return outside.Count == 0 ? null
            : $"data_categories [{string.Join(", ", outside)}] lie outside {what}; a referral never widens what the recipient may see.";
    }
}
