using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CoordinationHub.Bench.Auth;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Services.Notifications;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CoordinationHub.Bench.Notifications;

/// <summary>
/// The hub composed as Program.cs composes it, <c>agencies</c> agencies each subscribed over its own
/// mTLS connection, and a producer committing one notification per transaction to agencies in turn
/// at a fixed rate (open loop: a late commit does not delay the next). Latency is from the moment
/// the producer's commit returned to the moment the subscriber read the notification, both on one
/// Stopwatch in this process; it includes the commit trigger, NOTIFY, the listener, the stream's
/// read and HTTP/2, and excludes the producing RPC's own work.
/// </summary>
public static class DeliveryLatency
{
    private const int MaxInFlightCommits = 64;

    public static async Task RunAsync(IReadOnlyList<int> rates, TimeSpan length, int agencyCount)
    {
        var pki = new BenchPki();
        var directory = Directory.CreateTempSubdirectory("hub-bench-notifications-").FullName;
        var (ca, certificate, key) = pki.Write(directory);
        var world = await BenchWorld.CreateAsync(pki, agencyCount);
        var auditKey = Path.Combine(directory, "audit-checkpoint.key");
        using (var checkpointKey = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256))
        {
            await File.WriteAllTextAsync(auditKey, checkpointKey.ExportPkcs8PrivateKeyPem());
        }

        await using var app = await ProductionBenchHub.StartAsync(ca, certificate, key, auditKey, world.ConnectionString);
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;

        var committedAt = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var latencies = new ConcurrentBag<double>();
        var delivered = 0L;
        using var stop = new CancellationTokenSource();
        var subscribers = new List<Task>();
        foreach (var (agencyId, client) in world.Agencies)
        {
            var channel = RpcChannel.ForAddress(new Uri($"https://localhost:{port}"), new RpcChannelOptions { ClientCertificate = client, TrustedRoots = [pki.Root] });
            var headers = await ProductionBenchHub.HeadersAsync(app, client, Scopes.NotificationsSubscribe);
            subscribers.Add(SubscribeAsync(channel, headers, committedAt, latencies, () => Interlocked.Increment(ref delivered), stop.Token));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{agencyCount} subscribed agencies, {length.TotalSeconds} s per rate, {Environment.ProcessorCount} cores, load average before: {LoadAverage()}"));
        Console.WriteLine("| target/s | committed/s | delivered | p50 ms | p99 ms | max ms | load average after |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        await ProduceAsync(app, world, 200, TimeSpan.FromSeconds(5), committedAt, CancellationToken.None); // warm-up
        await Task.Delay(1000);
        foreach (var rate in rates)
        {
            latencies.Clear();
            var before = Interlocked.Read(ref delivered);
            var (committed, took) = await ProduceAsync(app, world, rate, length, committedAt, CancellationToken.None);
            await Task.Delay(TimeSpan.FromSeconds(2)); // let the tail arrive
            var sorted = latencies.Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {rate} | {committed / took.TotalSeconds:F0} | {Interlocked.Read(ref delivered) - before} | {Percentile(sorted, 0.50):F1} | {Percentile(sorted, 0.99):F1} | {(sorted.Count > 0 ? sorted[^1] : 0):F1} | {LoadAverage()} |"));
        }

        await stop.CancelAsync();
        await Task.WhenAll(subscribers.Select(s => s.ContinueWith(_ => { }, TaskScheduler.Default)));
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>Commits at <paramref name="rate"/> for <paramref name="length"/>; how many, and how long until the last commit returned.</summary>
    private static async Task<(int Committed, TimeSpan Took)> ProduceAsync(WebApplication app, BenchWorld world, int rate, TimeSpan length, ConcurrentDictionary<string, long> committedAt, CancellationToken cancellationToken)
    {
        var total = (int)(rate * length.TotalSeconds);
        using var inFlight = new SemaphoreSlim(MaxInFlightCommits);
        var commits = new List<Task>(total);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, cancellationToken);
            }

            await inFlight.WaitAsync(cancellationToken);
            var recipient = world.Agencies[i % world.Agencies.Count].AgencyId;
            commits.Add(Task.Run(async () =>
            {
                try
                {
                    await CommitOneAsync(app, recipient, committedAt, cancellationToken);
                }
                finally
                {
                    inFlight.Release();
                }
            }, cancellationToken));
        }

        await Task.WhenAll(commits);
        return (total, Stopwatch.GetElapsedTime(start));
    }

    private static async Task CommitOneAsync(WebApplication app, string recipient, ConcurrentDictionary<string, long> committedAt, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var now = DateTimeOffset.UtcNow;
        var summary = Guid.NewGuid().ToString("N");
        NotificationOutbox.Enqueue(db, recipient, new Notification { Kind = NotificationKind.IdentificationReported, CaseId = BenchWorld.CaseId, Summary = summary }, now);
        await db.SaveChangesAsync(cancellationToken);
        committedAt[summary] = Stopwatch.GetTimestamp();
    }

    private static async Task SubscribeAsync(RpcChannel channel, Metadata headers, ConcurrentDictionary<string, long> committedAt, ConcurrentBag<double> latencies, Action counted, CancellationToken cancellationToken)
    {
        using var call = channel.AsyncServerStreamingCall(NotificationsServiceMethods.Subscribe, new SubscribeRequest { AfterSequence = 0 }, new CallOptions { Headers = headers, CancellationToken = cancellationToken });
        try
        {
            await foreach (var item in call.ReadAllAsync(cancellationToken))
            {
                if (item.ItemCase != SubscribeResponse.ItemOneofCase.Notification)
                {
                    continue;
                }

                var received = Stopwatch.GetTimestamp();

                // The commit's return may be recorded a hair after the delivery: spin briefly for it.
                var spins = 0;
                long committed;
                while (!committedAt.TryRemove(item.Notification.Summary, out committed) && spins++ < 1000)
                {
                    await Task.Yield();
                }

                if (committed != 0)
                {
                    latencies.Add(Math.Max(0, Stopwatch.GetElapsedTime(committed, received).TotalMilliseconds));
                }

                counted();
            }
        }
        catch (RpcException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
