using System.Diagnostics;
using System.Globalization;
using CoordinationHub.Audit;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Testing;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoordinationHub.Bench.Audit;

/// <summary>
/// Two write RPCs on two in-process hubs composed by HubApplication on one private PostgreSQL:
/// "audited" exactly as Program.cs, and "no append" with <see cref="NoAuditTrail"/> in place of the
/// seam. AgenciesService/UpdateAgencyClaims (read, then an xmin-guarded UPDATE; each worker updates
/// its own agency, so there are no optimistic-concurrency conflicts) and ReferralsService/
/// CreateReferral (read the facts, then INSERT referral, case event and notification: the hub's
/// typical write, transactional on both sides; every call a fresh request_id). Within each round
/// the two servers alternate, so machine noise hits both alike.
/// </summary>
public static class WriteThroughput
{
    public static async Task RunAsync(int concurrency, TimeSpan roundLength, int rounds, string? onlyCall = null, string? onlySide = null)
    {
        var pki = new Auth.BenchPki();
        var connectionString = PostgresCluster.ConnectionStringFor(await PostgresCluster.CreateDatabaseAsync("bench_audit"));
        var (directory, settings) = await BenchHubs.PrepareAsync(pki, connectionString, "audit");
        var auditKey = settings["Hub:Audit:CheckpointKeyPath"]!;
        await WriteBenchData.SeedAsync(connectionString, pki, concurrency);
        await SchemaExperiment.ApplyAsync(connectionString);
        await using var audited = await BenchHubs.StartAsync(settings, replace: null);
        await using var baseline = await BenchHubs.StartAsync(settings, services => services.Replace(ServiceDescriptor.Scoped<IAuditTrail, NoAuditTrail>()));
        var adminHeaders = await BenchHubs.SignInAsync(audited, pki, Scopes.AgenciesAdmin);
        var referralHeaders = await BenchHubs.SignInAsync(audited, pki, Scopes.ReferralsWrite);
        var calls = new (string Name, Func<RpcChannel, int, int, Task> Call)[]
        {
            ("UpdateAgencyClaims", (channel, worker, i) => UpdateClaimsAsync(channel, adminHeaders, worker, i)),
            ("CreateReferral", (channel, _, _) => CreateReferralAsync(channel, referralHeaders)),
        }.Where(c => onlyCall is null || c.Name == onlyCall).ToArray();

        Console.WriteLine($"load average before the run: {File.ReadAllText("/proc/loadavg").Trim()}");
        using var auditedChannel = BenchHubs.Channel(audited, pki);
        using var baselineChannel = BenchHubs.Channel(baseline, pki);
        var results = calls.ToDictionary(c => c.Name, _ => new Dictionary<string, List<double>> { ["audited"] = [], ["no append"] = [] });
        var costs = calls.ToDictionary(c => c.Name, _ => new Dictionary<string, List<CallCost>> { ["audited"] = [], ["no append"] = [] });
        await JitWarmUp.RunAsync(async () =>
        {
            foreach (var (_, call) in calls)
            {
                await DriveAsync(auditedChannel, call, concurrency, TimeSpan.FromSeconds(3));
                await DriveAsync(baselineChannel, call, concurrency, TimeSpan.FromSeconds(3));
            }
        }, TimeSpan.FromMinutes(2));

        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, call) in calls)
            {
                // Each side goes first in every other round, so neither always inherits the other's leftovers (GC, vacuum).
                var sides = new[] { ("audited", auditedChannel), ("no append", baselineChannel) };
                foreach (var (side, channel) in round % 2 == 0 ? sides : sides.Reverse())
                {
                    if (onlySide is not null && side != onlySide)
                    {
                        continue;
                    }

                    var before = CallCost.Sample();
                    var rate = await DriveAsync(channel, call, concurrency, roundLength);
                    results[name][side].Add(rate);
                    costs[name][side].Add(CallCost.Since(before, rate * roundLength.TotalSeconds));
                }
            }
        }

        foreach (var (name, _) in calls)
        {
            if (onlySide is not null)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}, {onlySide} only: median {BenchHubs.Median(results[name][onlySide]):F0} calls/s"));
                continue;
            }

            BenchHubs.PrintComparison(string.Create(CultureInfo.InvariantCulture, $"{name}, concurrency {concurrency}, {rounds} rounds of {roundLength.TotalSeconds} s each, alternating"), results[name], target: 0.80);
            CallCost.Print(costs[name]);
        }

        Console.WriteLine($"load average after the run: {File.ReadAllText("/proc/loadavg").Trim()}");
        await using (var db = HubDatabase.Open(connectionString))
        {
            using var checkpointKey = AuditCheckpointKey.Load(auditKey);
            var verification = await AuditRangeVerification.VerifyAsync(db, checkpointKey.Key, null, 1, 0, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"log after the run: {verification.EntriesVerified} entries on {verification.Chains.Count} chains ({Sealed(verification, byTheHub: false)} on database-sealed lanes, {Sealed(verification, byTheHub: true)} sealed by the hub), {(verification.Succeeded ? "verifies" : "DOES NOT VERIFY")}"));
        }

        Directory.Delete(directory, recursive: true);
    }

    private static long Sealed(AuditVerificationResult verification, bool byTheHub) =>
        verification.Chains.Where(c => c.Chain >= AuditChain.Lanes == byTheHub).Sum(c => c.Entries);

    private static async Task<double> DriveAsync(RpcChannel channel, Func<RpcChannel, int, int, Task> call, int concurrency, TimeSpan duration)
    {
        var completed = 0L;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                await call(channel, worker, i);
                Interlocked.Increment(ref completed);
            }
        });
        await Task.WhenAll(workers);
        return completed / clock.Elapsed.TotalSeconds;
    }

    private static async Task UpdateClaimsAsync(RpcChannel channel, Metadata headers, int worker, int i)
    {
        var request = new UpdateAgencyClaimsRequest
        {
            AgencyId = WriteBenchData.Target(worker),
            Claims = new AgencyClaims { Scopes = { i % 2 == 0 ? [Scopes.CasesRead] : new[] { Scopes.CasesRead, Scopes.CasesWrite } } },
        };
        await channel.UnaryAsync(AgenciesServiceMethods.UpdateAgencyClaims, request, new CallOptions { Headers = headers });
    }

    private static async Task CreateReferralAsync(RpcChannel channel, Metadata headers)
    {
        var request = new CreateReferralRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            CaseId = WriteBenchData.CaseId(Random.Shared.Next(1, WriteBenchData.CaseCount + 1)),
            ToAgencyId = WriteBenchData.RecipientId,
            Purpose = Purpose.Search,
            DataCategories = { DataCategory.Identity },
            Reason = "please search your detention records",
            DueTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(7)),
        };
        await channel.UnaryAsync(ReferralsServiceMethods.CreateReferral, request, new CallOptions { Headers = headers });
    }
}
