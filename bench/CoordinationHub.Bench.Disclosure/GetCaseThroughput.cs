using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CoordinationHub.Bench.Audit;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Hosting;
using CoordinationHub.Server.Security;
using CoordinationHub.Server.Services.Cases;
using CoordinationHub.Server.Tokens;
using CoordinationHub.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
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
        var directory = Directory.CreateTempSubdirectory("hub-bench-disclosure-").FullName;
        var (ca, certificate, key) = pki.Write(directory);
        var auditKey = Path.Combine(directory, "audit.key");
        using (var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            await File.WriteAllTextAsync(auditKey, ecdsa.ExportPkcs8PrivateKeyPem());
        }

        var connectionString = PostgresCluster.ConnectionStringFor(await PostgresCluster.CreateDatabaseAsync("bench_disclosure"));
        var caseIds = await DisclosureBenchData.SeedAsync(connectionString, pki, cases);
        var settings = new Dictionary<string, string?>
        {
            ["Hub:Tls:Bind"] = "127.0.0.1", ["Hub:Tls:Port"] = "0", ["Hub:Tls:CertificatePath"] = certificate, ["Hub:Tls:PrivateKeyPath"] = key,
            ["Hub:Tls:ClientCaPath"] = ca, ["Hub:CertificateAuthority:CertificatePath"] = ca, ["Hub:Database:ConnectionString"] = connectionString,
            ["Hub:Database:MigrateOnStart"] = "false", ["Hub:Audit:CheckpointKeyPath"] = auditKey,
        };
        await using var policed = await StartAsync(settings, policed: true);
        await using var baseline = await StartAsync(settings, policed: false);
        var grant = (await policed.Services.GetRequiredService<AgencyAdmission>().AdmitAsync(pki.Client, CancellationToken.None)).Grant!;
        var token = (await policed.Services.GetRequiredService<AccessTokenIssuer>().IssueAsync(grant, [Scopes.CasesRead], pki.Client, CancellationToken.None)).AccessToken;
        var headers = new Metadata().Add("authorization", $"Bearer {token}").Add("x-officer-id", "bench.officer");

        using var policedChannel = Channel(policed, pki);
        using var baselineChannel = Channel(baseline, pki);
        var sample = await policedChannel.UnaryAsync(CasesServiceMethods.GetCase, new GetCaseRequest { CaseId = caseIds[0], Purpose = Purpose.Identification }, new CallOptions { Headers = headers });
        Console.WriteLine($"policed view: disclosed [{string.Join(' ', sample.Disclosure.Disclosed)}], basis [{string.Join(' ', sample.Disclosure.Basis)}], {sample.Disclosure.Withheld.Count} withheld");
        await DriveAsync(policedChannel, headers, caseIds, concurrency, TimeSpan.FromSeconds(2));
        await DriveAsync(baselineChannel, headers, caseIds, concurrency, TimeSpan.FromSeconds(2));
        var results = new Dictionary<string, List<double>> { ["policy + audit"] = [], ["neither"] = [] };
        for (var round = 0; round < rounds; round++)
        {
            results["policy + audit"].Add(await DriveAsync(policedChannel, headers, caseIds, concurrency, roundLength));
            results["neither"].Add(await DriveAsync(baselineChannel, headers, caseIds, concurrency, roundLength));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GetCase, {cases} cases, concurrency {concurrency}, {rounds} rounds of {roundLength.TotalSeconds} s each, alternating"));
        Console.WriteLine("| server | calls/s per round | median calls/s |");
        Console.WriteLine("| --- | --- | ---: |");
        foreach (var (name, values) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {string.Join(", ", values.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))} | {Median(values):F0} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio policy + audit / neither (medians): {Median(results["policy + audit"]) / Median(results["neither"]):F2} (target >= 0.70)"));
        var perRound = results["policy + audit"].Zip(results["neither"], (a, b) => a / b).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio per round: {string.Join(", ", perRound.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))}"));
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

    private static async Task<WebApplication> StartAsync(Dictionary<string, string?> settings, bool policed)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        var app = HubApplication.Build(builder, hub =>
        {
            if (!policed)
            {
                hub.Services.Replace(ServiceDescriptor.Scoped<IAuditTrail, NoAuditTrail>());
                hub.Services.Replace(ServiceDescriptor.Singleton<ICaseDisclosure, DiscloseEverything>());
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
