namespace CoordinationHub.Domain.Referrals;

/// <summary>
/// The referral state machine: pending → accepted | declined; accepted → completed; the sender
/// withdraws while pending or accepted; the hub expires what is still pending or accepted past its
/// due time. Declined, completed, withdrawn and expired are final.
/// </summary>
public static class ReferralTransitions
{
    /// <summary>The state after <paramref name="action"/>, or why it is not allowed.</summary>
    public static ReferralTransition Apply(ReferralState current, ReferralAction action, ReferralParty party)
    {
        var (allowedFrom, actor, next) = action switch
        {
            ReferralAction.Accept => (new[] { ReferralState.Pending }, ReferralParty.Recipient, ReferralState.Accepted),
            ReferralAction.Decline => ([ReferralState.Pending], ReferralParty.Recipient, ReferralState.Declined),
            ReferralAction.Complete => ([ReferralState.Accepted], ReferralParty.Recipient, ReferralState.Completed),
            ReferralAction.Withdraw => ([ReferralState.Pending, ReferralState.Accepted], ReferralParty.Sender, ReferralState.Withdrawn),
            ReferralAction.Expire => ([ReferralState.Pending, ReferralState.Accepted], ReferralParty.Hub, ReferralState.Expired),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a referral action."),
        };

        if (party != actor)
        {
            return ReferralTransition.Refused(ReferralRefusal.WrongParty, $"only the {Describe(actor)} can {Verb(action)} a referral.");
        }

        return allowedFrom.Contains(current)
            ? ReferralTransition.To(next)
            : ReferralTransition.Refused(ReferralRefusal.IllegalState, $"the referral is {current.ToString().ToLowerInvariant()} and cannot be {Participle(action)}.");
    }

    /// <summary>Whether a referral in this state still counts (grants access, can expire).</summary>
    public static bool IsLive(ReferralState state) => state is ReferralState.Pending or ReferralState.Accepted;

    private static string Describe(ReferralParty party) => party switch
    {
        ReferralParty.Sender => "sending agency",
        ReferralParty.Recipient => "receiving agency",
        _ => "hub",
    };

    private static string Verb(ReferralAction action) => action.ToString().ToLowerInvariant();

    private static string Participle(ReferralAction action) => action switch
    {
        ReferralAction.Accept => "accepted",
        ReferralAction.Decline => "declined",
        ReferralAction.Complete => "completed",
        ReferralAction.Withdraw => "withdrawn",
        _ => "expired",
    };
}
