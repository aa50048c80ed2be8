using CoordinationHub.Client.Notifications;
using CoordinationHub.Client.Tests.Infrastructure;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;

namespace CoordinationHub.Client.Tests;

/// <summary>
/// The resuming subscription against the real hub: the ministry hears of every identification the
/// laboratory reports on its case, exactly once and in order across a stop and a restart of the
/// adapter, with its cursor in a <see cref="FileCursorStore"/>.
/// </summary>
public sealed class NotificationSubscriptionTests(ProbedHubTestHost hub) : IClassFixture<ProbedHubTestHost>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sdk-cursors-").FullName;

    [Fact]
    public async Task SubscribeResumingAsync_StoppedAndStartedAgain_NewSubscriptionGetsExactlyTheRestInOrder()
    {
        using var scene = await LabScene.CreateAsync(hub);
        var store = new FileCursorStore(_directory);
        await scene.ReportAsync(3);

        var first = new SubscriptionRun(scene.Ministry, store);
        await first.WaitForCursorAsync(3);
        await first.StopAsync();
        await scene.ReportAsync(3);
        await using var second = new SubscriptionRun(scene.Ministry, store);
        await second.WaitForCursorAsync(6);
        await scene.ReportAsync(1);
        await second.WaitForCursorAsync(7);

        Assert.Equal([1L, 2, 3], first.Received.Select(n => n.Sequence));
        Assert.Equal([4L, 5, 6, 7], second.Received.Select(n => n.Sequence));
        Assert.All(second.Received, n => Assert.Equal((NotificationKind.IdentificationReported, scene.World.CaseId), (n.Kind, n.CaseId)));
        Assert.Equal("7", await File.ReadAllTextAsync(store.PathFor(scene.World.Ministry.AgencyId)));
    }

    [Fact]
    public async Task SubscribeResumingAsync_EveryNotificationHandled_IsAcknowledgedToTheHub()
    {
        using var scene = await LabScene.CreateAsync(hub);
        await scene.ReportAsync(2);

        await using (var run = new SubscriptionRun(scene.Ministry, new FileCursorStore(_directory)))
        {
            await run.WaitForCursorAsync(2);

            // The cursor is saved before the Ack goes out: stopping at once could cancel the Ack.
            // Ack(0) never moves progress back and answers where the hub's progress stands.
            var acknowledged = 0L;
            for (var attempt = 0; attempt < 300 && acknowledged < 2; attempt++)
            {
                acknowledged = (await scene.Ministry.Notifications.AckAsync(new AckRequest { Sequence = 0 })).AckedSequence;
                if (acknowledged < 2)
                {
                    await Task.Delay(100);
                }
            }

            Assert.Equal(2, acknowledged);
            await run.StopAsync();
        }

        // Without a cursor of its own, a subscriber starts after the hub's acknowledged position.
        await scene.ReportAsync(1);
        await using var elsewhere = new SubscriptionRun(scene.Ministry, new FileCursorStore(Path.Combine(_directory, "elsewhere")));
        await elsewhere.WaitForCursorAsync(3);
        Assert.Equal([3L], elsewhere.Received.Select(n => n.Sequence));
    }

    [Fact]
    public async Task SubscribeResumingAsync_HandlerThrows_EndsWithItsExceptionAndTheNotificationComesAgain()
    {
        using var scene = await LabScene.CreateAsync(hub);
        var store = new FileCursorStore(_directory);
        await scene.ReportAsync(1);

        await using var failing = new SubscriptionRun(scene.Ministry, store, _ => throw new InvalidOperationException("adapter's database is down"));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing.Completion);
        await using var again = new SubscriptionRun(scene.Ministry, store);
        await again.WaitForCursorAsync(1);

        Assert.Equal("adapter's database is down", error.Message);
        Assert.Equal([1L], again.Received.Select(n => n.Sequence));
    }

    [Fact]
    public async Task SubscribeResumingAsync_AgencySuspended_EndsWithPermissionDenied()
    {
        using var scene = await LabScene.CreateAsync(hub);
        await scene.ReportAsync(1);
        await using var run = new SubscriptionRun(scene.Ministry, new FileCursorStore(_directory));
        await run.WaitForCursorAsync(1);

        await hub.Trust.SetStatusAsync(scene.World.Ministry.AgencyId, Domain.Trust.AgencyStatus.Suspended, "test suspension");
        var refusal = await Assert.ThrowsAsync<RpcException>(() => run.Completion.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
