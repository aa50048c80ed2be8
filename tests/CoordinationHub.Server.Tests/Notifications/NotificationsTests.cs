using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Tests.Cases;
using CoordinationHub.Server.Tests.Identifications;
using CoordinationHub.Server.Tests.Referrals;

namespace CoordinationHub.Server.Tests.Notifications;

/// <summary>
/// The outbox and the stream on one hub: what each stakeholder hears and how much of it, the
/// order and numbering, resuming after an ack, and a suspended agency's stream closed.
/// </summary>
public sealed class NotificationsTests(NotificationsHubTestHost hub) : IClassFixture<NotificationsHubTestHost>
{
    [Fact]
    public async Task IdentificationSteps_ReachEveryStakeholderButTheActor_CutByEachRecipientsDisclosure()
    {
        var world = await IdentificationWorld.CreateAsync(hub);
        using var lab = await IdentificationsApi.SignInAsync(hub.Client, world.Laboratory);
        using var ministry = await IdentificationsApi.SignInAsync(hub.Client, world.Ministry);
        using var judge = await IdentificationsApi.SignInAsync(hub.Client, world.Judicial);
        await using var ministryStream = new NotificationReader(ministry, afterSequence: 0);
        await using var judgeStream = new NotificationReader(judge, afterSequence: 0);

        var reported = await lab.ReportAsync(world.CaseId);
        var toMinistry = await ministryStream.NextAsync();
        var toJudge = await judgeStream.NextAsync();
        await judge.ConfirmAsync(reported.IdentificationId);
        var confirmedToMinistry = await ministryStream.NextAsync();

        Assert.Equal((NotificationKind.IdentificationReported, 1L, world.CaseId), (toMinistry.Kind, toMinistry.Sequence, toMinistry.CaseId));
        Assert.Equal(reported.IdentificationId, toMinistry.Identification.IdentificationId);

        // The ministry claims no genetic data: the DNA statistics are withheld from it, not from the judge.
        Assert.Null(toMinistry.Identification.Statistics);
        Assert.Equal(23, toJudge.Identification.Statistics.PointsCompared);
        Assert.DoesNotContain(DataCategory.Genetic, toMinistry.Case.Disclosure.Disclosed);
        Assert.Contains(DataCategory.Genetic, toJudge.Case.Disclosure.Disclosed);

        Assert.Equal((NotificationKind.IdentificationConfirmed, 2L, CaseStatus.IdentifiedDeceased), (confirmedToMinistry.Kind, confirmedToMinistry.Sequence, confirmedToMinistry.Case.Status));
        Assert.DoesNotContain(await IdentificationWorld.OutboxAsync(hub, world.Laboratory.AgencyId), r => r.Kind == "IDENTIFICATION_REPORTED");
        Assert.Empty(await IdentificationWorld.OutboxAsync(hub, world.Stranger.AgencyId));
    }

    [Fact]
    public async Task ReferralCreatedAndAccepted_RecipientAndSenderEachToldOfTheOthersStep()
    {
        string[] scopes = [.. ReferralWorld.ReferralScopes, Domain.Trust.Scopes.NotificationsSubscribe];
        var police = await ReferralWorld.RegisterAsync(hub, "police", scopes);
        var forensics = await ReferralWorld.RegisterAsync(hub, "forensics", scopes);
        using var sender = await ReferralsApi.SignInAsync(hub, police);
        using var recipient = await ReferralsApi.SignInAsync(hub, forensics);
        using var senderFeed = await IdentificationsApi.SignInAsync(hub.Client, police);
        using var recipientFeed = await IdentificationsApi.SignInAsync(hub.Client, forensics);
        var caseId = await IdentificationWorld.ReportCaseAsync(hub, police.AgencyId);
        await using var toRecipient = new NotificationReader(recipientFeed, afterSequence: 0);
        await using var toSender = new NotificationReader(senderFeed, afterSequence: 0);

        var referral = await sender.CreateAsync(caseId, forensics.AgencyId);
        var received = await toRecipient.NextAsync();
        await recipient.AcceptAsync(referral.ReferralId);
        var changed = await toSender.NextAsync();

        Assert.Equal((NotificationKind.ReferralReceived, referral.ReferralId, police.AgencyId), (received.Kind, received.Referral.ReferralId, received.ActorAgencyId));
        Assert.Equal((NotificationKind.ReferralChanged, ReferralState.Accepted), (changed.Kind, changed.Referral.State));
        Assert.DoesNotContain(await IdentificationWorld.OutboxAsync(hub, police.AgencyId), r => r.Kind == "REFERRAL_RECEIVED");
    }

    [Fact]
    public async Task ConcurrentChanges_EachAgencysSequencesAreOneToNWithoutGapsInCommitOrder()
    {
        var world = await IdentificationWorld.CreateAsync(hub);
        using var lab = await IdentificationsApi.SignInAsync(hub.Client, world.Laboratory);

        await Parallel.ForAsync(0, 60, new ParallelOptions { MaxDegreeOfParallelism = 12 }, async (_, _) => await lab.ReportAsync(world.CaseId));

        foreach (var agency in new[] { world.Ministry, world.Family, world.Judicial })
        {
            var rows = await IdentificationWorld.OutboxAsync(hub, agency.AgencyId);
            Assert.Equal(Enumerable.Range(1, 60).Select(i => (long?)i), rows.Select(r => r.Sequence));
        }
    }

    [Fact]
    public async Task Ack_ThenSubscribeWithoutCursor_ResumesAfterTheAck_AckNeverMovesBack()
    {
        var world = await IdentificationWorld.CreateAsync(hub);
        using var lab = await IdentificationsApi.SignInAsync(hub.Client, world.Laboratory);
        using var ministry = await IdentificationsApi.SignInAsync(hub.Client, world.Ministry);
        for (var i = 0; i < 5; i++)
        {
            await lab.ReportAsync(world.CaseId);
        }

        var acked = await ministry.AckAsync(3);
        var older = await ministry.AckAsync(1);
        var beyond = await Assert.ThrowsAsync<RpcException>(() => ministry.AckAsync(6));
        await using var resumed = new NotificationReader(ministry);
        var next = await resumed.NextAsync();

        Assert.Equal((3L, 3L), (acked.AckedSequence, older.AckedSequence));
        Assert.Equal(StatusCode.InvalidArgument, beyond.StatusCode);
        Assert.Equal(4, next.Sequence);
        Assert.Equal(5, (await resumed.NextAsync()).Sequence);
    }

    [Fact]
    public async Task SuspendedAgency_OpenStreamClosedWithPermissionDenied()
    {
        var world = await IdentificationWorld.CreateAsync(hub);
        using var ministry = await IdentificationsApi.SignInAsync(hub.Client, world.Ministry);
        using var lab = await IdentificationsApi.SignInAsync(hub.Client, world.Laboratory);
        await using var stream = new NotificationReader(ministry, afterSequence: 0);
        await lab.ReportAsync(world.CaseId);
        await stream.NextAsync();

        await hub.Trust.SetStatusAsync(world.Ministry.AgencyId, Domain.Trust.AgencyStatus.Suspended, "under review");

        // Directory staleness (1 s) plus one heartbeat interval (200 ms here), with margin.
        Assert.Equal(StatusCode.PermissionDenied, await stream.EndAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task DuplicateFlagged_OtherCasesStakeholdersNotified_WithoutTheNewCasesId()
    {
        var (arabic, latin) = SyntheticCases.ArabicThenLatin(seed: 611);
        using var police = await CasesApi.SignInAsync(hub, "police");
        using var ngo = await CasesApi.SignInAsync(hub, "ngo");

        var first = await police.ReportAsync(SyntheticReports.Sections(arabic));
        var second = await ngo.ReportAsync(SyntheticReports.Sections(latin));

        var row = Assert.Single(await IdentificationWorld.OutboxAsync(hub, police.AgencyId), r => r.Kind == "POSSIBLE_DUPLICATE");
        var notification = Notification.Parser.ParseFrom(row.Payload);
        Assert.Equal((first.Case.CaseId, ngo.AgencyId), (notification.CaseId, notification.ActorAgencyId));
        Assert.DoesNotContain(second.Case.CaseId, notification.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(await IdentificationWorld.OutboxAsync(hub, ngo.AgencyId), r => r.Kind == "POSSIBLE_DUPLICATE");
    }
}
