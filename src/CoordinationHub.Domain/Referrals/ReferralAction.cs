namespace CoordinationHub.Domain.Referrals;

/// <summary>What a party can do to a referral.</summary>
public enum ReferralAction
{
    Accept,
    Decline,
    Complete,
    Withdraw,
    Expire,
}
