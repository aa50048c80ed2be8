namespace CoordinationHub.Domain.Referrals;

/// <summary>Where a referral stands (the API's <c>ReferralState</c>).</summary>
public enum ReferralState
{
    Pending,
    Accepted,
    Declined,
    Completed,
    Withdrawn,
    Expired,
}
