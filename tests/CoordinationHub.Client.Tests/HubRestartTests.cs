using CoordinationHub.Client.Notifications;
using CoordinationHub.Client.Tests.Infrastructure;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Client.Tests;

/// <summary>
/// The SDK against a hub process that is killed and started again on the same port (the same
/// database, so an operator's restart or a replica coming back): what is retried, what is not,
/// and a subscription that carries on where it was.
/// </summary>
public sealed class HubRestartTests(ProbedHubTestHost hub) : IClassFixture<ProbedHubTestHost>, IDisposable
{
    // Enough attempts to outlast a restart of the hub process on a loaded machine.
    private static readonly HubRetryOptions PatientRetries = new() { MaxAttempts = 100, InitialDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1) };

    private readonly string _directory = Directory.CreateTempSubdirectory("sdk-restart-").FullName;

    [Fact]
    public async Task ReportIdentification_WithRequestIdWhileTheHubIsDown_SucceedsOnceItIsBackAndIsWrittenOnce()
    {
        var (world, lab, port) = await LabBehindAKilledHubAsync();
        using var connection = lab;
        var reporting = lab.Identifications.ReportIdentificationAsync(world.Report());
        await using var second = await StartOnPortAsync(port);
        var identification = await reporting;

        Assert.Equal(world.CaseId, identification.CaseId);
        Assert.Equal(1, await world.IdentificationCountAsync(hub));
    }

    [Fact]
    public async Task ReportIdentification_WithoutRequestIdWhileTheHubIsDown_FailsUnavailableAndIsNotRetried()
    {
        var (world, lab, port) = await LabBehindAKilledHubAsync();
        using var connection = lab;
        var restarting = StartOnPortAsync(port);
        // Retried, it would reach the hub once it is back and succeed (the read below does).
        var refusal = await Assert.ThrowsAsync<RpcException>(() => lab.Identifications.ReportIdentificationAsync(world.Report(requestId: string.Empty)));
        await using var second = await restarting;
        var listed = await lab.Identifications.ListIdentificationsAsync(new ListIdentificationsRequest { CaseId = world.CaseId });

        Assert.Equal(StatusCode.Unavailable, refusal.StatusCode);
        Assert.Empty(listed.Identifications);
    }

    [Fact]
    public async Task SubscribeResumingAsync_HubKilledAndRestarted_ReconnectsAndGetsEveryNotificationOnceInOrder()
    {
        await using var first = await HubProcess.StartAsync(hub.ReplicaEnvironment());
        // The laboratory reports through the in-process hub, which stays up: the outbox fills while the ministry's hub is down.
        using var scene = await LabScene.CreateAsync(hub, ministryAddress: first.Address);
        await using var run = new SubscriptionRun(scene.Ministry, new FileCursorStore(_directory));
        await scene.ReportAsync(2);
        await run.WaitForCursorAsync(2, TimeSpan.FromSeconds(60));

        await first.DisposeAsync();
        await scene.ReportAsync(3);
        await using var second = await StartOnPortAsync(first.Port);
        await run.WaitForCursorAsync(5, TimeSpan.FromSeconds(60));
        await scene.ReportAsync(1);
        await run.WaitForCursorAsync(6, TimeSpan.FromSeconds(60));

        Assert.Equal([1L, 2, 3, 4, 5, 6], run.Received.Select(n => n.Sequence));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A laboratory connected (with a token) to a hub process that is killed on return; the port it listened on.</summary>
    private async Task<(LabWorld World, HubConnection Lab, int Port)> LabBehindAKilledHubAsync()
    {
        var world = await LabWorld.CreateAsync(hub);
        await using var first = await HubProcess.StartAsync(hub.ReplicaEnvironment());
        var lab = Infrastructure.Sdk.Connect(hub, world.Laboratory, b => b.WithRetries(PatientRetries).WithDefaultDeadline(TimeSpan.FromSeconds(120)), first.Address);
        await lab.Tokens.GetTokenAsync();
        return (world, lab, first.Port);
    }

    private Task<HubProcess> StartOnPortAsync(int port) => HubProcess.StartAsync(hub.ReplicaEnvironment(), port);
}
