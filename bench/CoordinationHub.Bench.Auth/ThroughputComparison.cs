using System.Diagnostics;
using System.Globalization;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using CoordinationHub.Server.Hosting;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Security;
using CoordinationHub.Server.Tokens;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CoordinationHub.Bench.Auth;

/// <summary>
/// Unary GetHubInfo throughput of two in-process hubs in one run: "transport" (Kestrel mTLS + our
/// gRPC layer + the service, no authentication registered) and "full auth" (composed as Program.cs:
/// JwtBearer + the agency interceptor). Both get the same request bytes, bearer header included,
/// from one RpcChannel each; rounds alternate so machine noise hits both alike.
/// </summary>
public static class ThroughputComparison
{
    public static async Task RunAsync(int concurrency, TimeSpan roundLength, int rounds)
    {
        var pki = new BenchPki();
        var directory = Directory.CreateTempSubdirectory("hub-bench-auth-").FullName;
        var (ca, certificate, key) = pki.Write(directory);
        var database = await BenchDatabase.CreateAsync(pki.Client);
        await using var transport = await StartHubAsync(authenticate: false, ca, certificate, key, database.ConnectionString);
        await using var full = await StartHubAsync(authenticate: true, ca, certificate, key, database.ConnectionString);
        var admission = full.App.Services.GetRequiredService<AgencyAdmission>();
        var grant = (await admission.AdmitAsync(pki.Client, CancellationToken.None)).Grant!;
        var token = (await full.App.Services.GetRequiredService<AccessTokenIssuer>().IssueAsync(grant, [Scopes.CasesRead], pki.Client, CancellationToken.None)).AccessToken;
        var headers = new Metadata().Add("authorization", $"Bearer {token}").Add("x-officer-id", "bench.officer");

        var results = new Dictionary<string, List<double>> { ["transport"] = [], ["full auth"] = [] };
        using var transportChannel = Channel(transport.Port, pki);
        using var fullChannel = Channel(full.Port, pki);
        await DriveAsync(transportChannel, headers, concurrency, TimeSpan.FromSeconds(2));
        await DriveAsync(fullChannel, headers, concurrency, TimeSpan.FromSeconds(2));
        for (var round = 0; round < rounds; round++)
        {
            results["transport"].Add(await DriveAsync(transportChannel, headers, concurrency, roundLength));
            results["full auth"].Add(await DriveAsync(fullChannel, headers, concurrency, roundLength));
        }

        var transportMedian = Median(results["transport"]);
        var fullMedian = Median(results["full auth"]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"concurrency {concurrency}, {rounds} rounds of {roundLength.TotalSeconds} s each, alternating"));
        Console.WriteLine("| server | req/s per round | median req/s |");
        Console.WriteLine("| --- | --- | ---: |");
        foreach (var (name, values) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {string.Join(", ", values.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))} | {Median(values):F0} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio full auth / transport (medians): {fullMedian / transportMedian:F2} (target >= 0.80)"));
        Directory.Delete(directory, recursive: true);
    }

    private static async Task<double> DriveAsync(RpcChannel channel, Metadata headers, int concurrency, TimeSpan length)
    {
        var completed = 0L;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < length)
            {
                await channel.UnaryAsync(HubInfoServiceMethods.GetHubInfo, new GetHubInfoRequest(), new CallOptions { Headers = headers });
                Interlocked.Increment(ref completed);
            }
        });
        await Task.WhenAll(workers);
        return completed / clock.Elapsed.TotalSeconds;
    }

    private static RpcChannel Channel(int port, BenchPki pki) =>
        RpcChannel.ForAddress(new Uri($"https://localhost:{port}"), new RpcChannelOptions { ClientCertificate = pki.Client, TrustedRoots = [pki.Root] });

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task<RunningHub> StartHubAsync(bool authenticate, string ca, string certificate, string key, string connectionString)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hub:Tls:Bind"] = "127.0.0.1",
            ["Hub:Tls:Port"] = "0",
            ["Hub:Tls:CertificatePath"] = certificate,
            ["Hub:Tls:PrivateKeyPath"] = key,
            ["Hub:Tls:ClientCaPath"] = ca,
            ["Hub:Database:ConnectionString"] = connectionString,
            ["Hub:Database:MigrateOnStart"] = "false",
        });
        builder.AddHubTransport();
        builder.Services.AddHubPersistence();
        builder.Services.AddHubRpc();
        if (authenticate)
        {
            builder.Services.AddHubAuthentication();
        }

        var app = builder.Build();
        if (authenticate)
        {
            app.MapHubTokenEndpoints();
        }

        app.MapHubServices();
        await app.StartAsync();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;
        return new RunningHub(app, port);
    }

    private sealed record RunningHub(WebApplication App, int Port) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
