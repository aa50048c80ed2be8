using CoordinationHub.Domain.Referrals;

namespace CoordinationHub.Domain.Tests.Referrals;

/// <summary>The referral state machine as a complete table: every state × action × party.</summary>
public sealed class ReferralTransitionsTests
{
    // The only allowed transitions; everything else in the full product is refused.
    private static readonly Dictionary<(ReferralState, ReferralAction, ReferralParty), ReferralState> Allowed = new()
    {
        [(ReferralState.Pending, ReferralAction.Accept, ReferralParty.Recipient)] = ReferralState.Accepted,
        [(ReferralState.Pending, ReferralAction.Decline, ReferralParty.Recipient)] = ReferralState.Declined,
        [(ReferralState.Accepted, ReferralAction.Complete, ReferralParty.Recipient)] = ReferralState.Completed,
        [(ReferralState.Pending, ReferralAction.Withdraw, ReferralParty.Sender)] = ReferralState.Withdrawn,
        [(ReferralState.Accepted, ReferralAction.Withdraw, ReferralParty.Sender)] = ReferralState.Withdrawn,
        [(ReferralState.Pending, ReferralAction.Expire, ReferralParty.Hub)] = ReferralState.Expired,
        [(ReferralState.Accepted, ReferralAction.Expire, ReferralParty.Hub)] = ReferralState.Expired,
    };

    public static TheoryData<ReferralState, ReferralAction, ReferralParty> EveryCombination()
    {
        var data = new TheoryData<ReferralState, ReferralAction, ReferralParty>();
        foreach (var state in Enum.GetValues<ReferralState>())
        {
            foreach (var action in Enum.GetValues<ReferralAction>())
            {
                foreach (var party in Enum.GetValues<ReferralParty>())
                {
                    data.Add(state, action, party);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Apply_EveryCombination_AllowsExactlyTheTableAndExplainsRefusals(ReferralState state, ReferralAction action, ReferralParty party)
    {
        var transition = ReferralTransitions.Apply(state, action, party);

        if (Allowed.TryGetValue((state, action, party), out var next))
        {
            Assert.True(transition.IsAllowed);
            Assert.Equal(next, transition.Next);
        }
        else
        {
            Assert.False(transition.IsAllowed);
            Assert.NotNull(transition.Refusal);
            Assert.NotEmpty(transition.Problem);
        }
    }

    [Fact]
    public void Apply_SenderTriesToAccept_WrongPartyNotIllegalState()
    {
        var transition = ReferralTransitions.Apply(ReferralState.Pending, ReferralAction.Accept, ReferralParty.Sender);

        Assert.Equal(ReferralRefusal.WrongParty, transition.Refusal);
        Assert.Contains("receiving agency", transition.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReferralState.Declined)]
    [InlineData(ReferralState.Completed)]
    [InlineData(ReferralState.Withdrawn)]
    [InlineData(ReferralState.Expired)]
    public void FinalStates_AreNotLiveAndAdmitNoAction(ReferralState state)
    {
        Assert.False(ReferralTransitions.IsLive(state));
        Assert.All(Enum.GetValues<ReferralAction>(), action =>
            Assert.All(Enum.GetValues<ReferralParty>(), party => Assert.False(ReferralTransitions.Apply(state, action, party).IsAllowed)));
    }
}
