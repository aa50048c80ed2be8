namespace CoordinationHub.Domain.Referrals;

/// <summary>Who acts on a referral.</summary>
public enum ReferralParty
{
    /// <summary>The agency that sent it.</summary>
    Sender,

    /// <summary>The agency asked to act.</summary>
    Recipient,

    /// <summary>The hub itself (expiry).</summary>
    Hub,
}
