using System.Diagnostics;
using System.Globalization;
using CoordinationHub.Bench.Audit;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Services.Cases;
using CoordinationHub.Testing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoordinationHub.Bench.Disclosure;

/// <summary>
/// CasesService/GetCase on in-process hubs composed by HubApplication on one private PostgreSQL:
/// "policy + audit" exactly as Program.cs (grants loaded, policy decided, decision audited in the
/// read's transaction), and "neither" with <see cref="DiscloseEverything"/> and
/// <see cref="NoAuditTrail"/> composed in their place; "policy only" and "audit only" replace one
/// of the two, to show which part costs what. Visibility (NOT_FOUND for hidden cases),
/// authentication and the view assembly stay in all. Rounds alternate so noise hits all alike.
/// </summary>
public static class GetCaseThroughput
{
    public static async Task RunAsync(int concurrency, TimeSpan roundLength, int rounds, int cases, TimeSpan warmUp)
    {
        var pki = new Auth.BenchPki();
        var connectionString = PostgresCluster.ConnectionStringFor(await PostgresCluster.CreateDatabaseAsync("bench_disclosure"));
        var (directory, settings) = await BenchHubs.PrepareAsync(pki, connectionString, "disclosure");
        var caseIds = await DisclosureBenchData.SeedAsync(connectionString, pki, cases);
        await using var policed = await BenchHubs.StartAsync(settings, replace: null);
        await using var baseline = await BenchHubs.StartAsync(settings, services =>
        {
            services.Replace(ServiceDescriptor.Scoped<IAuditTrail, NoAuditTrail>());
            services.Replace(ServiceDescriptor.Singleton<ICaseDisclosure, DiscloseEverything>());
        });
        await using var policyOnly = await BenchHubs.StartAsync(settings, services => services.Replace(ServiceDescriptor.Scoped<IAuditTrail, NoAuditTrail>()));
        await using var auditOnly = await BenchHubs.StartAsync(settings, services => services.Replace(ServiceDescriptor.Singleton<ICaseDisclosure, DiscloseEverything>()));
        var headers = await BenchHubs.SignInAsync(policed, pki, Scopes.CasesRead);
        using var policedChannel = BenchHubs.Channel(policed, pki);
        using var policyOnlyChannel = BenchHubs.Channel(policyOnly, pki);
        using var auditOnlyChannel = BenchHubs.Channel(auditOnly, pki);
        using var baselineChannel = BenchHubs.Channel(baseline, pki);

        // The ratio is the first over the last; the two in between show which part costs what.
        var servers = new (string Name, RpcChannel Channel)[]
        {
            ("policy + audit", policedChannel), ("policy only", policyOnlyChannel), ("audit only", auditOnlyChannel), ("neither", baselineChannel),
        };
        var sample = await policedChannel.UnaryAsync(CasesServiceMethods.GetCase, new GetCaseRequest { CaseId = caseIds[0], Purpose = Purpose.Identification }, new CallOptions { Headers = headers });
        Console.WriteLine($"policed view: disclosed [{string.Join(' ', sample.Disclosure.Disclosed)}], basis [{string.Join(' ', sample.Disclosure.Basis)}], {sample.Disclosure.Withheld.Count} withheld");
        // Warm-up, as the referral benchmark learnt: tiered JIT, and each pooled PostgreSQL backend
        // compiling the seal trigger and planning its statements on first use, kept the first
        // rounds of runs with 2 s of warm-up low (0.52-0.61 where later rounds gave 0.70-0.80).
        // It lasts until the JIT has settled (JitWarmUp), at most warmUp per server.
        await JitWarmUp.RunAsync(async () =>
        {
            foreach (var (_, channel) in servers)
            {
                await DriveAsync(channel, headers, caseIds, concurrency, TimeSpan.FromSeconds(3));
            }
        }, warmUp * servers.Length);

        var results = servers.ToDictionary(s => s.Name, _ => new List<double>());
        var costs = servers.ToDictionary(s => s.Name, _ => new List<CallCost>());
        for (var round = 0; round < rounds; round++)
        {
            // A different server goes first in each round, so none always inherits the others' leftovers.
            foreach (var (name, channel) in servers.Skip(round % servers.Length).Concat(servers.Take(round % servers.Length)))
            {
                var before = CallCost.Sample();
                var rate = await DriveAsync(channel, headers, caseIds, concurrency, roundLength);
                results[name].Add(rate);
                costs[name].Add(CallCost.Since(before, rate * roundLength.TotalSeconds));
            }
        }

        BenchHubs.PrintComparison(string.Create(CultureInfo.InvariantCulture, $"GetCase, {cases} cases, concurrency {concurrency}, {rounds} rounds of {roundLength.TotalSeconds} s each, alternating"), results, target: 0.70);
        CallCost.Print(costs);
        Console.WriteLine($"load average after the run: {File.ReadAllText("/proc/loadavg").Trim()}");
        Directory.Delete(directory, recursive: true);
    }

    private static async Task<double> DriveAsync(RpcChannel channel, Metadata headers, List<string> caseIds, int concurrency, TimeSpan duration)
    {
        var completed = 0L;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            for (var i = worker; clock.Elapsed < duration; i += concurrency)
            {
                var request = new GetCaseRequest { CaseId = caseIds[i % caseIds.Count], Purpose = Purpose.Identification };
                await channel.UnaryAsync(CasesServiceMethods.GetCase, request, new CallOptions { Headers = headers });
                Interlocked.Increment(ref completed);
            }
        });
        await Task.WhenAll(workers);
        return completed / clock.Elapsed.TotalSeconds;
    }
}
