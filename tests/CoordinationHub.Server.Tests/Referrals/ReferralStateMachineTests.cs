using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Server.Tests.Referrals;

/// <summary>The referral state machine through the API: each legal step with its event and audit entry, and every kind of refusal.</summary>
public sealed class ReferralStateMachineTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    [Fact]
    public async Task AcceptThenComplete_ByRecipient_CompletedWithOutcomeEventsAndAudit()
    {
        var (sender, recipient, referral) = await SentAsync();
        using var _ = sender;
        using var __ = recipient;

        var accepted = await recipient.AcceptAsync(referral.ReferralId, referral.Etag);
        var completed = await recipient.CompleteAsync(referral.ReferralId, "two matching records found", accepted.Etag);

        Assert.Equal(ReferralState.Accepted, accepted.State);
        Assert.NotEqual(referral.Etag, accepted.Etag);
        Assert.Equal(ReferralState.Completed, completed.State);
        Assert.Equal("two matching records found", completed.StateReason);
        Assert.Equal(completed, await sender.GetAsync(referral.ReferralId));
        var events = await ReferralWorld.EventsAsync(hub, referral.CaseId);
        Assert.Equal(["referred", "accepted", "completed"], events.Select(e => e.Description.StartsWith("referred", StringComparison.Ordinal) ? "referred" : e.Description.Split(' ')[^1]));
        Assert.Equal([sender.AgencyId, recipient.AgencyId, recipient.AgencyId], events.Select(e => e.AgencyId));
        var audit = await ReferralWorld.AuditAsync(hub, "referral:" + referral.ReferralId);
        Assert.Equal(["CreateReferral", "AcceptReferral", "CompleteReferral", "GetReferral"], audit.Where(e => e.Decision == AuditRecord.Allowed).Select(e => e.Method.Split('/')[^1]));
        Assert.All(audit.Where(e => e.Decision == AuditRecord.Allowed), e => Assert.Equal(referral.CaseId, e.CaseId));
    }

    [Fact]
    public async Task Decline_ByRecipientWithReason_Declined()
    {
        var (sender, recipient, referral) = await SentAsync();
        using var _ = sender;
        using var __ = recipient;

        var declined = await recipient.DeclineAsync(referral.ReferralId, "outside our mandate");

        Assert.Equal(ReferralState.Declined, declined.State);
        Assert.Equal("outside our mandate", declined.StateReason);
        Assert.Equal(2, (await ReferralWorld.EventsAsync(hub, referral.CaseId)).Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Withdraw_BySenderWhilePendingOrAccepted_Withdrawn(bool acceptFirst)
    {
        var (sender, recipient, referral) = await SentAsync();
        using var _ = sender;
        using var __ = recipient;
        if (acceptFirst)
        {
            await recipient.AcceptAsync(referral.ReferralId);
        }

        var withdrawn = await sender.WithdrawAsync(referral.ReferralId, "person located alive");

        Assert.Equal(ReferralState.Withdrawn, withdrawn.State);
        Assert.Equal(withdrawn, Assert.Single((await recipient.ListAsync(ReferralBox.Inbox, ReferralState.Withdrawn)).Referrals));
    }

    public static TheoryData<string, StatusCode> Refusals() => new()
    {
        { "complete pending", StatusCode.FailedPrecondition },
        { "accept accepted", StatusCode.FailedPrecondition },
        { "decline accepted", StatusCode.FailedPrecondition },
        { "withdraw completed", StatusCode.FailedPrecondition },
        { "accept declined", StatusCode.FailedPrecondition },
        { "withdraw withdrawn", StatusCode.FailedPrecondition },
        { "sender accepts", StatusCode.PermissionDenied },
        { "sender declines", StatusCode.PermissionDenied },
        { "sender completes", StatusCode.PermissionDenied },
        { "recipient withdraws", StatusCode.PermissionDenied },
        { "unrelated accepts", StatusCode.NotFound },
        { "unrelated withdraws", StatusCode.NotFound },
        { "decline without reason", StatusCode.InvalidArgument },
        { "complete without outcome", StatusCode.InvalidArgument },
        { "withdraw without reason", StatusCode.InvalidArgument },
        { "malformed id", StatusCode.InvalidArgument },
        { "unknown id", StatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Transition_NotAllowed_RefusedAuditedAndStateUnchanged(string attempt, StatusCode expected)
    {
        var (sender, recipient, referral) = await SentAsync();
        using var _ = sender;
        using var __ = recipient;
        using var unrelated = await ReferralWorld.SignInNewAsync(hub, "stranger");
        var id = referral.ReferralId;
        switch (attempt.Split(' ')[^1])
        {
            case "accepted": await recipient.AcceptAsync(id); break;
            case "completed": await recipient.AcceptAsync(id); await recipient.CompleteAsync(id); break;
            case "declined": await recipient.DeclineAsync(id); break;
            case "withdrawn": await sender.WithdrawAsync(id); break;
        }

        var before = await sender.GetAsync(id);
        var eventsBefore = (await ReferralWorld.EventsAsync(hub, referral.CaseId)).Count;
        Func<Task> call = attempt switch
        {
            "complete pending" => () => recipient.CompleteAsync(id),
            "accept accepted" or "accept declined" => () => recipient.AcceptAsync(id),
            "decline accepted" => () => recipient.DeclineAsync(id),
            "withdraw completed" or "withdraw withdrawn" => () => sender.WithdrawAsync(id),
            "sender accepts" => () => sender.AcceptAsync(id),
            "sender declines" => () => sender.DeclineAsync(id),
            "sender completes" => () => sender.CompleteAsync(id),
            "recipient withdraws" => () => recipient.WithdrawAsync(id),
            "unrelated accepts" => () => unrelated.AcceptAsync(id),
            "unrelated withdraws" => () => unrelated.WithdrawAsync(id),
            "decline without reason" => () => recipient.DeclineAsync(id, reason: ""),
            "complete without outcome" => () => recipient.CompleteAsync(id, outcome: " "),
            "withdraw without reason" => () => sender.WithdrawAsync(id, reason: ""),
            "malformed id" => () => recipient.AcceptAsync("not-a-uuid"),
            "unknown id" => () => recipient.AcceptAsync(Guid.NewGuid().ToString()),
            _ => throw new ArgumentOutOfRangeException(nameof(attempt), attempt, "Not an attempt this test knows."),
        };

        var error = await Assert.ThrowsAsync<RpcException>(call);

        Assert.Equal(expected, error.Status.Code);
        Assert.Equal(before, await sender.GetAsync(id));
        Assert.Equal(eventsBefore, (await ReferralWorld.EventsAsync(hub, referral.CaseId)).Count);
        var callers = new[] { sender, recipient, unrelated };
        var audit = new List<AuditRecord>();
        foreach (var caller in callers)
        {
            audit.AddRange(await hub.Trust.AuditEntriesForAsync(caller.Agency.Certificate));
        }

        Assert.Contains(audit, e => e.Decision == AuditRecord.Denied && e.Reason.StartsWith(expected.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Accept_WithStaleEtag_AbortedAndUnchanged()
    {
        var (sender, recipient, referral) = await SentAsync();
        using var _ = sender;
        using var __ = recipient;
        await recipient.DeclineAsync(referral.ReferralId, "first answer", referral.Etag);

        var error = await Assert.ThrowsAsync<RpcException>(() => recipient.AcceptAsync(referral.ReferralId, referral.Etag));

        Assert.Equal(StatusCode.Aborted, error.Status.Code);
        Assert.Equal(ReferralState.Declined, (await sender.GetAsync(referral.ReferralId)).State);
    }

    [Fact]
    public async Task Accept_WithEtagNotIssuedByTheHub_InvalidArgument()
    {
        var (sender, recipient, referral) = await SentAsync();
        using var _ = sender;
        using var __ = recipient;

        var error = await Assert.ThrowsAsync<RpcException>(() => recipient.AcceptAsync(referral.ReferralId, "W/\"abc\""));

        Assert.Equal(StatusCode.InvalidArgument, error.Status.Code);
    }

    [Theory]
    [InlineData("accept", "accept")]
    [InlineData("accept", "withdraw")]
    [InlineData("withdraw", "withdraw")]
    public async Task TwoWritersWithTheSameEtag_OneWinsTheOtherAborted(string first, string second)
    {
        for (var round = 0; round < 3; round++)
        {
            var (sender, recipient, referral) = await SentAsync();
            using var _ = sender;
            using var __ = recipient;
            Task<Referral> Write(string what) => what == "accept"
                ? recipient.AcceptAsync(referral.ReferralId, referral.Etag)
                : sender.WithdrawAsync(referral.ReferralId, "duplicate request", referral.Etag);

            var outcomes = await Task.WhenAll(Outcome(Write(first)), Outcome(Write(second)));

            Assert.Single(outcomes, o => o is null);
            Assert.Single(outcomes, o => o == StatusCode.Aborted);
            Assert.Equal(2, (await ReferralWorld.EventsAsync(hub, referral.CaseId)).Count);
        }
    }

    private static async Task<StatusCode?> Outcome(Task<Referral> call)
    {
        try
        {
            await call;
            return null;
        }
        catch (RpcException e)
        {
            return e.Status.Code;
        }
    }

    private async Task<(ReferralsApi Sender, ReferralsApi Recipient, Referral Referral)> SentAsync()
    {
        var sender = await ReferralWorld.SignInNewAsync(hub, "police");
        var recipient = await ReferralWorld.SignInNewAsync(hub, "forensics");
        var caseId = await ReferralWorld.ReportCaseAsync(hub, sender.AgencyId);
        return (sender, recipient, await sender.CreateAsync(caseId, recipient.AgencyId));
    }
}
