using System.Diagnostics;
using System.Globalization;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Hosting;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Server.Security;
using CoordinationHub.Server.Tokens;
using CoordinationHub.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
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
        var directory = Directory.CreateTempSubdirectory("hub-bench-audit-").FullName;
        var (ca, certificate, key) = pki.Write(directory);
        var auditKey = await AuditKeyFile.WriteAsync(directory);

        var connectionString = PostgresCluster.ConnectionStringFor(await PostgresCluster.CreateDatabaseAsync("bench_audit"));
        await SeedAsync(connectionString, pki, concurrency);
        var settings = new Dictionary<string, string?>
        {
            ["Hub:Tls:Bind"] = "127.0.0.1", ["Hub:Tls:Port"] = "0", ["Hub:Tls:CertificatePath"] = certificate, ["Hub:Tls:PrivateKeyPath"] = key,
            ["Hub:Tls:ClientCaPath"] = ca, ["Hub:CertificateAuthority:CertificatePath"] = ca, ["Hub:Database:ConnectionString"] = connectionString,
            ["Hub:Database:MigrateOnStart"] = "false", ["Hub:Audit:CheckpointKeyPath"] = auditKey,
        };
        await using var audited = await StartAsync(settings, withAudit: true);
        await using var baseline = await StartAsync(settings, withAudit: false);
        var admission = audited.Services.GetRequiredService<AgencyAdmission>();
        var grant = (await admission.AdmitAsync(pki.Client, CancellationToken.None)).Grant!;
        var token = (await audited.Services.GetRequiredService<AccessTokenIssuer>().IssueAsync(grant, [Scopes.AgenciesAdmin], pki.Client, CancellationToken.None)).AccessToken;
        var headers = new Metadata().Add("authorization", $"Bearer {token}").Add("x-officer-id", "bench.officer");

        using var auditedChannel = Channel(audited, pki);
        using var baselineChannel = Channel(baseline, pki);
        await DriveAsync(auditedChannel, headers, concurrency, TimeSpan.FromSeconds(2));
        await DriveAsync(baselineChannel, headers, concurrency, TimeSpan.FromSeconds(2));
        var results = new Dictionary<string, List<double>> { ["audited"] = [], ["no append"] = [] };
        for (var round = 0; round < rounds; round++)
        {
            results["audited"].Add(await DriveAsync(auditedChannel, headers, concurrency, roundLength));
            results["no append"].Add(await DriveAsync(baselineChannel, headers, concurrency, roundLength));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"UpdateAgencyClaims, concurrency {concurrency}, {rounds} rounds of {roundLength.TotalSeconds} s each, alternating"));
        Console.WriteLine("| server | calls/s per round | median calls/s |");
        Console.WriteLine("| --- | --- | ---: |");
        foreach (var (name, values) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {string.Join(", ", values.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))} | {Median(values):F0} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio audited / no append (medians): {Median(results["audited"]) / Median(results["no append"]):F2} (target >= 0.80)"));
        var perRound = results["audited"].Zip(results["no append"], (a, b) => a / b).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio per round: {string.Join(", ", perRound.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))}"));
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

        db.Certificates.Add(new CertificateRecord
        {
            ThumbprintSha256 = CertificateThumbprints.Of(pki.Client), AgencyId = "bench-agency", Subject = pki.Client.Subject,
            SerialNumber = pki.Client.SerialNumber, NotBefore = pki.Client.NotBefore.ToUniversalTime(), NotAfter = pki.Client.NotAfter.ToUniversalTime(),
            CertificatePem = pki.Client.ExportCertificatePem(),
        });
        await db.SaveChangesAsync();
    }

    private static string Target(int worker) => $"bench-target-{worker}";

    private static async Task<WebApplication> StartAsync(Dictionary<string, string?> settings, bool withAudit)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        var app = HubApplication.Build(builder, hub =>
        {
            if (!withAudit)
            {
                hub.Services.Replace(ServiceDescriptor.Scoped<IAuditTrail, NoAuditTrail>());
            }
        });
        await app.StartAsync();
        return app;
    }

    private static RpcChannel Channel(WebApplication app, Auth.BenchPki pki)
    {
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;
        return RpcChannel.ForAddress(new Uri($"https://localhost:{port}"), new RpcChannelOptions { ClientCertificate = pki.Client, TrustedRoots = [pki.Root] });
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
