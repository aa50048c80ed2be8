using System.Diagnostics;
using System.Globalization;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Testing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoordinationHub.Bench.Audit;

/// <summary>
/// AgenciesService/UpdateAgencyClaims, the write RPC this branch has, on two in-process hubs
/// composed by HubApplication on one private PostgreSQL: "audited" exactly as Program.cs, and
/// "no append" with <see cref="NoAuditTrail"/> in place of the seam. Each worker updates its own
/// agency (no optimistic-concurrency conflicts); rounds alternate so machine noise hits both alike.
/// </summary>
public static class WriteThroughput
{
    public static async Task RunAsync(int concurrency, TimeSpan roundLength, int rounds)
    {
        var pki = new Auth.BenchPki();
        var connectionString = PostgresCluster.ConnectionStringFor(await PostgresCluster.CreateDatabaseAsync("bench_audit"));
        var (directory, settings) = await BenchHubs.PrepareAsync(pki, connectionString, "audit");
        var auditKey = settings["Hub:Audit:CheckpointKeyPath"]!;
        await SeedAsync(connectionString, pki, concurrency);
        await using var audited = await BenchHubs.StartAsync(settings, replace: null);
        await using var baseline = await BenchHubs.StartAsync(settings, services => services.Replace(ServiceDescriptor.Scoped<IAuditTrail, NoAuditTrail>()));
        var headers = await BenchHubs.SignInAsync(audited, pki, Scopes.AgenciesAdmin);

        using var auditedChannel = BenchHubs.Channel(audited, pki);
        using var baselineChannel = BenchHubs.Channel(baseline, pki);
        await DriveAsync(auditedChannel, headers, concurrency, TimeSpan.FromSeconds(2));
        await DriveAsync(baselineChannel, headers, concurrency, TimeSpan.FromSeconds(2));
        var results = new Dictionary<string, List<double>> { ["audited"] = [], ["no append"] = [] };
        for (var round = 0; round < rounds; round++)
        {
            results["audited"].Add(await DriveAsync(auditedChannel, headers, concurrency, roundLength));
            results["no append"].Add(await DriveAsync(baselineChannel, headers, concurrency, roundLength));
        }

        BenchHubs.PrintComparison(string.Create(CultureInfo.InvariantCulture, $"UpdateAgencyClaims, concurrency {concurrency}, {rounds} rounds of {roundLength.TotalSeconds} s each, alternating"), results, target: 0.80);
        await using (var db = HubDatabase.Open(connectionString))
        {
            using var checkpointKey = AuditCheckpointKey.Load(auditKey);
            var verification = await AuditRangeVerification.VerifyAsync(db, checkpointKey.Key, null, 1, 0, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"log after the run: {verification.EntriesVerified} entries on {verification.Chains.Count} chains, {(verification.Succeeded ? "verifies" : "DOES NOT VERIFY")}"));
        }

        Directory.Delete(directory, recursive: true);
    }

    private static async Task<double> DriveAsync(RpcChannel channel, Metadata headers, int concurrency, TimeSpan duration)
    {
        var completed = 0L;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var request = new UpdateAgencyClaimsRequest { AgencyId = Target(worker) };
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                request.Claims = new AgencyClaims { Scopes = { i % 2 == 0 ? [Scopes.CasesRead] : new[] { Scopes.CasesRead, Scopes.CasesWrite } } };
                await channel.UnaryAsync(AgenciesServiceMethods.UpdateAgencyClaims, request, new CallOptions { Headers = headers });
                Interlocked.Increment(ref completed);
            }
        });
        await Task.WhenAll(workers);
        return completed / clock.Elapsed.TotalSeconds;
    }

    private static async Task SeedAsync(string connectionString, Auth.BenchPki pki, int targets)
    {
        await using var db = HubDatabase.Open(connectionString);
        await HubDatabase.MigrateAsync(db, CancellationToken.None);
        db.Agencies.Add(new AgencyRecord { AgencyId = "bench-agency", DisplayName = "Bench admin", Kind = "HUB_OPERATOR", Scopes = [Scopes.AgenciesAdmin] });
        for (var i = 0; i < targets; i++)
        {
            db.Agencies.Add(new AgencyRecord { AgencyId = Target(i), DisplayName = "Bench target", Kind = "POLICE", Scopes = [Scopes.CasesRead] });
        }

        db.Certificates.Add(BenchHubs.ClientCertificate(pki, "bench-agency"));
        await db.SaveChangesAsync();
    }

    private static string Target(int worker) => $"bench-target-{worker}";
}
