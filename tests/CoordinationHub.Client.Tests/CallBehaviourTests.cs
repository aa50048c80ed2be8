using CoordinationHub.Client.Tests.Infrastructure;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Client.Tests;

/// <summary>
/// Retries, deadlines and token refresh of the SDK against the real hub, whose <see cref="CallProbe"/>
/// counts the attempts that reached it and answers the first ones as a failing replica would.
/// </summary>
public sealed class CallBehaviourTests(ProbedHubTestHost hub) : IClassFixture<ProbedHubTestHost>
{
    private static readonly HubRetryOptions QuickRetries = new() { MaxAttempts = 4, InitialDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(100) };

    [Fact]
    public async Task UnaryAsync_ReadAnsweredUnavailableTwice_SucceedsOnTheThirdAttempt()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("sdk-retry-read");
        using var connection = Sdk.Connect(hub, agency, b => b.WithRetries(QuickRetries));
        var key = Key();

        var info = await connection.UnaryAsync(HubInfoServiceMethods.GetHubInfo, new GetHubInfoRequest(), ProbeHeaders.For(key, unavailable: 2));

        Assert.Contains("coordination.v1", info.ApiVersions);
        Assert.Equal(3, hub.Probe.AttemptsOf(key).Count);
    }

    [Fact]
    public async Task UnaryAsync_WriteWithRequestIdAnsweredUnavailable_RetriedAndWrittenOnce()
    {
        var world = await LabWorld.CreateAsync(hub);
        using var lab = Sdk.Connect(hub, world.Laboratory, b => b.WithRetries(QuickRetries));
        var key = Key();

        var identification = await lab.UnaryAsync(IdentificationsServiceMethods.ReportIdentification, world.Report(), ProbeHeaders.For(key, unavailable: 1));

        Assert.Equal(2, hub.Probe.AttemptsOf(key).Count);
        Assert.Equal(world.CaseId, identification.CaseId);
        Assert.Equal(1, await world.IdentificationCountAsync(hub));
    }

    [Fact]
    public async Task UnaryAsync_WriteWithoutRequestIdAnsweredUnavailable_NotRetried()
    {
        var world = await LabWorld.CreateAsync(hub);
        using var lab = Sdk.Connect(hub, world.Laboratory, b => b.WithRetries(QuickRetries));
        var key = Key();

        var refusal = await Assert.ThrowsAsync<RpcException>(() =>
            lab.UnaryAsync(IdentificationsServiceMethods.ReportIdentification, world.Report(requestId: string.Empty), ProbeHeaders.For(key, unavailable: 1)));

        Assert.Equal(StatusCode.Unavailable, refusal.StatusCode);
        Assert.Single(hub.Probe.AttemptsOf(key));
        Assert.Equal(0, await world.IdentificationCountAsync(hub));
    }

    [Fact]
    public async Task UnaryAsync_UnavailableOnEveryAttempt_GivesUpAfterMaxAttempts()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("sdk-retry-exhausted");
        using var connection = Sdk.Connect(hub, agency, b => b.WithRetries(QuickRetries with { MaxAttempts = 3 }));
        var key = Key();

        var refusal = await Assert.ThrowsAsync<RpcException>(() =>
            connection.UnaryAsync(HubInfoServiceMethods.GetHubInfo, new GetHubInfoRequest(), ProbeHeaders.For(key, unavailable: 10)));

        Assert.Equal(StatusCode.Unavailable, refusal.StatusCode);
        Assert.Equal(3, hub.Probe.AttemptsOf(key).Count);
    }

    [Fact]
    public async Task UnaryAsync_BackoffLongerThanTheDeadline_FailsDeadlineExceededWithoutAnotherAttempt()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("sdk-retry-deadline");
        using var connection = Sdk.Connect(hub, agency, b => b.WithRetries(new HubRetryOptions { MaxAttempts = 5, InitialDelay = TimeSpan.FromSeconds(20), MaxDelay = TimeSpan.FromSeconds(20) }));
        await connection.Tokens.GetTokenAsync();
        var key = Key();

        var refusal = await Assert.ThrowsAsync<RpcException>(() => connection.UnaryAsync(
            HubInfoServiceMethods.GetHubInfo, new GetHubInfoRequest(), ProbeHeaders.For(key, unavailable: 5, deadline: DateTime.UtcNow.AddSeconds(2))));

        Assert.Equal(StatusCode.DeadlineExceeded, refusal.StatusCode);
        Assert.Contains("Unavailable", refusal.Status.Detail, StringComparison.Ordinal);
        Assert.Single(hub.Probe.AttemptsOf(key));
    }

    [Fact]
    public async Task UnaryAsync_NoDeadlineAndASlowHub_TheDefaultDeadlineEndsItOnce()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("sdk-default-deadline");
        using var connection = Sdk.Connect(hub, agency, b => b.WithDefaultDeadline(TimeSpan.FromMilliseconds(500)).WithRetries(QuickRetries));
        await connection.Tokens.GetTokenAsync();
        var slow = Key();
        var patient = Key();

        var refusal = await Assert.ThrowsAsync<RpcException>(() =>
            connection.UnaryAsync(HubInfoServiceMethods.GetHubInfo, new GetHubInfoRequest(), ProbeHeaders.For(slow, delayMs: 5_000)));
        // A deadline the caller sets wins over the default.
        var info = await connection.UnaryAsync(HubInfoServiceMethods.GetHubInfo, new GetHubInfoRequest(), ProbeHeaders.For(patient, delayMs: 1_000, deadline: DateTime.UtcNow.AddSeconds(30)));

        Assert.Equal(StatusCode.DeadlineExceeded, refusal.StatusCode);
        Assert.Single(hub.Probe.AttemptsOf(slow));
        Assert.Contains("coordination.v1", info.ApiVersions);
    }

    [Fact]
    public async Task SubscribeAsync_DefaultDeadlineShorterThanTheStream_StreamOutlivesIt()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("sdk-stream-deadline", [Domain.Trust.Scopes.NotificationsSubscribe]);
        using var connection = Sdk.Connect(hub, agency, b => b.WithDefaultDeadline(TimeSpan.FromMilliseconds(200)));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var started = DateTime.UtcNow;

        var heartbeats = 0;
        await foreach (var item in connection.Notifications.SubscribeAsync(new SubscribeRequest { AfterSequence = 0 }, stop.Token))
        {
            if (item.ItemCase == SubscribeResponse.ItemOneofCase.Heartbeat && ++heartbeats == 5)
            {
                break;
            }
        }

        Assert.True(DateTime.UtcNow - started > TimeSpan.FromMilliseconds(200), "five heartbeats 200 ms apart outlast the 200 ms default deadline");
    }

    [Fact]
    public async Task UnaryAsync_HubRefusesTheToken_FetchesANewOneAndSucceeds()
    {
        var world = await LabWorld.CreateAsync(hub);
        using var ministry = Sdk.Connect(hub, world.Ministry, b => b.WithRetries(HubRetryOptions.None));
        var key = Key();

        // Ack is a write without request_id: repeating it after UNAUTHENTICATED is safe, the hub refused before any handler ran.
        var acked = await ministry.UnaryAsync(NotificationsServiceMethods.Ack, new AckRequest { Sequence = 0 }, ProbeHeaders.For(key, unauthenticated: 1));

        var attempts = hub.Probe.AttemptsOf(key);
        Assert.Equal(0, acked.AckedSequence);
        Assert.Equal(2, attempts.Count);
        Assert.NotEqual(attempts[0], attempts[1]);
    }

    [Fact]
    public async Task UnaryAsync_HubRefusesEveryToken_RepeatsOnlyOnce()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("sdk-token-refused");
        using var connection = Sdk.Connect(hub, agency);
        var key = Key();

        var refusal = await Assert.ThrowsAsync<RpcException>(() =>
            connection.UnaryAsync(HubInfoServiceMethods.GetHubInfo, new GetHubInfoRequest(), ProbeHeaders.For(key, unauthenticated: 5)));

        Assert.Equal(StatusCode.Unauthenticated, refusal.StatusCode);
        Assert.Equal(2, hub.Probe.AttemptsOf(key).Count);
    }

    [Fact]
    public async Task HubInfo_ClockPastTheTokensExpiry_NewTokenFetchedAndCallSucceeds()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("sdk-token-expired");
        var time = new ManualTimeProvider();
        using var connection = Sdk.Connect(hub, agency, b => b.WithTimeProvider(time));
        var before = Key();
        var after = Key();
        await connection.UnaryAsync(HubInfoServiceMethods.GetHubInfo, new GetHubInfoRequest(), ProbeHeaders.For(before));

        time.Advance(TimeSpan.FromMinutes(6));
        await connection.UnaryAsync(HubInfoServiceMethods.GetHubInfo, new GetHubInfoRequest(), ProbeHeaders.For(after));

        Assert.NotEqual(Assert.Single(hub.Probe.AttemptsOf(before)), Assert.Single(hub.Probe.AttemptsOf(after)));
    }

    private static string Key() => Guid.NewGuid().ToString("N");
}
