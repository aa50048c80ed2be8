using System.Collections.Concurrent;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Server.Tests.Identifications;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Server.Tests.Notifications;

/// <summary>
/// Two hub processes on one database. Adapters subscribe on replica 1 while a laboratory reports
/// 1,000 identifications through replica 2; replica 1 is killed with SIGKILL in the middle of the
/// burst and the adapters resume on replica 2 from their last ack. After dropping re-deliveries by
/// sequence, each adapter holds every notification exactly once, in order; an adapter offline for
/// the whole burst catches up afterwards.
/// </summary>
public sealed class NotificationsTwoReplicaTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    private const int Burst = 1000;

    [Fact]
    public async Task ReplicaKilledMidBurst_AdaptersResumeOnOther_EveryNotificationOnceInOrder_OfflineAdapterCatchesUp()
    {
        var environment = hub.ReplicaEnvironment();
        environment["Hub__Notifications__HeartbeatInterval"] = "00:00:01";
        var replica1 = await HubProcess.StartAsync(environment);
        await using var replica2 = await HubProcess.StartAsync(environment);
        HubClient[] replicas = [new(replica1.Address, hub.Pki.Root), new(replica2.Address, hub.Pki.Root)];
        var world = await IdentificationWorld.CreateAsync(hub);
        using var lab = await IdentificationsApi.SignInAsync(replicas[1], world.Laboratory);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));

        var ministry = new ResumingAdapter(world.Ministry, replicas, ackEvery: 50);
        var family = new ResumingAdapter(world.Family, replicas, ackEvery: 7);
        var adapters = Task.WhenAll(ministry.RunUntilAsync(Burst, timeout.Token), family.RunUntilAsync(Burst, timeout.Token));

        var reported = new ConcurrentBag<string>();
        var killed = false;
        await Parallel.ForAsync(0, Burst, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = timeout.Token }, async (i, _) =>
        {
            reported.Add((await lab.ReportAsync(world.CaseId)).IdentificationId);
            if (reported.Count >= Burst * 2 / 5 && !Interlocked.Exchange(ref killed, true))
            {
                // HubProcess disposes with Process.Kill: SIGKILL, no graceful shutdown.
                await replica1.DisposeAsync();
            }
        });
        await adapters;

        Assert.True(killed);
        foreach (var adapter in new[] { ministry, family })
        {
            Assert.Equal(Enumerable.Range(1, Burst).Select(i => (long)i), adapter.Processed.Select(n => n.Sequence));
            Assert.Equal(reported.Order(), adapter.Processed.Select(n => n.Identification.IdentificationId).Order());
            Assert.All(adapter.Processed, n => Assert.Equal(NotificationKind.IdentificationReported, n.Kind));
            Assert.True(adapter.Reconnects >= 1, "the adapter never lost its replica: the kill came too late to test anything");
            Assert.Equal(1, adapter.Replica);
        }

        // The judge's adapter was offline for the whole burst: it catches up from its (absent) ack.
        var judge = new ResumingAdapter(world.Judicial, [replicas[1]], ackEvery: 100);
        await judge.RunUntilAsync(Burst, timeout.Token);
        Assert.Equal(Enumerable.Range(1, Burst).Select(i => (long)i), judge.Processed.Select(n => n.Sequence));
        Assert.Equal(0, judge.Duplicates);
    }
}
