using System.Globalization;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using CoordinationHub.Server.Hosting;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Server.Security;
using CoordinationHub.Server.Tokens;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CoordinationHub.Bench.Audit;

/// <summary>
/// What the in-process throughput comparisons share (audit, disclosure): hubs composed by
/// HubApplication on one private database, optionally with services replaced by composition; the
/// bench client's token; and the printed comparison of alternating rounds.
/// </summary>
public static class BenchHubs
{
    /// <summary>Writes the bench PKI and an audit checkpoint key into a new directory; the hub settings on <paramref name="connectionString"/>.</summary>
    public static async Task<(string Directory, Dictionary<string, string?> Settings)> PrepareAsync(Auth.BenchPki pki, string connectionString, string name)
    {
        ArgumentNullException.ThrowIfNull(pki);
        var directory = Directory.CreateTempSubdirectory($"hub-bench-{name}-").FullName;
        var (ca, certificate, key) = pki.Write(directory);
        var auditKey = await AuditKeyFile.WriteAsync(directory);

        return (directory, new Dictionary<string, string?>
        {
            ["Hub:Tls:Bind"] = "127.0.0.1", ["Hub:Tls:Port"] = "0", ["Hub:Tls:CertificatePath"] = certificate, ["Hub:Tls:PrivateKeyPath"] = key,
            ["Hub:Tls:ClientCaPath"] = ca, ["Hub:CertificateAuthority:CertificatePath"] = ca, ["Hub:Database:ConnectionString"] = connectionString,
            ["Hub:Database:MigrateOnStart"] = "false", ["Hub:Audit:CheckpointKeyPath"] = auditKey,
        });
    }

    /// <summary>A hub as Program.cs composes it, then <paramref name="replace"/> (null: nothing replaced).</summary>
    public static async Task<WebApplication> StartAsync(Dictionary<string, string?> settings, Action<IServiceCollection>? replace)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        var app = HubApplication.Build(builder, hub => replace?.Invoke(hub.Services));
        await app.StartAsync();
        return app;
    }

    /// <summary>Call headers with a token for the bench client, bound to its certificate, holding <paramref name="scope"/>.</summary>
    public static async Task<Metadata> SignInAsync(WebApplication app, Auth.BenchPki pki, string scope)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(pki);
        var grant = (await app.Services.GetRequiredService<AgencyAdmission>().AdmitAsync(pki.Client, CancellationToken.None)).Grant!;
        var token = (await app.Services.GetRequiredService<AccessTokenIssuer>().IssueAsync(grant, [scope], pki.Client, CancellationToken.None)).AccessToken;
        return new Metadata().Add("authorization", $"Bearer {token}").Add("x-officer-id", "bench.officer");
    }

    /// <summary>The bench client's certificate, registered to <paramref name="agencyId"/>.</summary>
    public static CertificateRecord ClientCertificate(Auth.BenchPki pki, string agencyId)
    {
        ArgumentNullException.ThrowIfNull(pki);
        return new CertificateRecord
        {
            ThumbprintSha256 = CertificateThumbprints.Of(pki.Client), AgencyId = agencyId, Subject = pki.Client.Subject,
            SerialNumber = pki.Client.SerialNumber, NotBefore = pki.Client.NotBefore.ToUniversalTime(), NotAfter = pki.Client.NotAfter.ToUniversalTime(),
            CertificatePem = pki.Client.ExportCertificatePem(),
        };
    }

    public static RpcChannel Channel(WebApplication app, Auth.BenchPki pki)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(pki);
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;
        return RpcChannel.ForAddress(new Uri($"https://localhost:{port}"), new RpcChannelOptions { ClientCertificate = pki.Client, TrustedRoots = [pki.Root] });
    }

    /// <summary>Prints each server's rounds and median, and the ratio of the first server to the second (medians and per round).</summary>
    public static void PrintComparison(string title, Dictionary<string, List<double>> results, double target)
    {
        ArgumentNullException.ThrowIfNull(results);
        var (measured, baseline) = (results.Keys.First(), results.Keys.Last());
        Console.WriteLine(title);
        Console.WriteLine("| server | calls/s per round | median calls/s |");
        Console.WriteLine("| --- | --- | ---: |");
        foreach (var (name, values) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {string.Join(", ", values.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))} | {Median(values):F0} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio {measured} / {baseline} (medians): {Median(results[measured]) / Median(results[baseline]):F2} (target >= {target:F2})"));
        var perRound = results[measured].Zip(results[baseline], (a, b) => a / b).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio per round: {string.Join(", ", perRound.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))}"));
    }

    /// <summary>The median; of an even count, the mean of the middle two.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
