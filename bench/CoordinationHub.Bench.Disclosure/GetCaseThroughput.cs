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
/// CasesService/GetCase on two in-process hubs composed by HubApplication on one private
/// PostgreSQL: "policy + audit" exactly as Program.cs (grants loaded, policy decided, decision
/// audited in the read's transaction), and "neither" with <see cref="DiscloseEverything"/> and
/// <see cref="NoAuditTrail"/> composed in their place. Visibility (NOT_FOUND for hidden cases),
/// authentication and the view assembly stay in both. Rounds alternate so noise hits both alike.
/// </summary>
public static class GetCaseThroughput
{
    public static async Task RunAsync(int concurrency, TimeSpan roundLength, int rounds, int cases)
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
        using var policyOnlyChannel = BenchHubs.Channel(policyOnly, pki);
        using var auditOnlyChannel = BenchHubs.Channel(auditOnly, pki);
        using var policedChannel = BenchHubs.Channel(policed, pki);
        using var baselineChannel = BenchHubs.Channel(baseline, pki);
        var sample = await policedChannel.UnaryAsync(CasesServiceMethods.GetCase, new GetCaseRequest { CaseId = caseIds[0], Purpose = Purpose.Identification }, new CallOptions { Headers = headers });
        Console.WriteLine($"policed view: disclosed [{string.Join(' ', sample.Disclosure.Disclosed)}], basis [{string.Join(' ', sample.Disclosure.Basis)}], {sample.Disclosure.Withheld.Count} withheld");
        await DriveAsync(policedChannel, headers, caseIds, concurrency, TimeSpan.FromSeconds(2));
        await DriveAsync(baselineChannel, headers, caseIds, concurrency, TimeSpan.FromSeconds(2));
        await DriveAsync(policyOnlyChannel, headers, caseIds, concurrency, TimeSpan.FromSeconds(2));
        await DriveAsync(auditOnlyChannel, headers, caseIds, concurrency, TimeSpan.FromSeconds(2));
        var results = new Dictionary<string, List<double>> { ["policy + audit"] = [], ["neither"] = [] };
        var extra = new Dictionary<string, List<double>> { ["policy only"] = [], ["audit only"] = [] };
        for (var round = 0; round < rounds; round++)
        {
            results["policy + audit"].Add(await DriveAsync(policedChannel, headers, caseIds, concurrency, roundLength));
            results["neither"].Add(await DriveAsync(baselineChannel, headers, caseIds, concurrency, roundLength));
            extra["policy only"].Add(await DriveAsync(policyOnlyChannel, headers, caseIds, concurrency, roundLength));
            extra["audit only"].Add(await DriveAsync(auditOnlyChannel, headers, caseIds, concurrency, roundLength));
        }

        BenchHubs.PrintComparison(string.Create(CultureInfo.InvariantCulture, $"GetCase, {cases} cases, concurrency {concurrency}, {rounds} rounds of {roundLength.TotalSeconds} s each, alternating"), results, target: 0.70);
        foreach (var (name, values) in extra)
        {
            Console.WriteLine($"{name}: {string.Join(", ", values.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))}");
        }

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
