namespace CoordinationHub.Domain.Referrals;

/// <summary>The outcome of asking for a referral transition: the next state, or a refusal with its reason.</summary>
public readonly record struct ReferralTransition(ReferralState? Next, ReferralRefusal? Refusal, string Problem)
{
    public bool IsAllowed => Next is not null;

    public static ReferralTransition To(ReferralState next) => new(next, null, string.Empty);

    public static ReferralTransition Refused(ReferralRefusal refusal, string problem) => new(null, refusal, problem);
}
