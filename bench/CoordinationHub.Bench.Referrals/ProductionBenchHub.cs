using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Hosting;
using CoordinationHub.Server.Security;
using CoordinationHub.Server.Tokens;

namespace CoordinationHub.Bench;

/// <summary>
/// The hub as Program.cs composes it in production (HubApplication, Production environment, mTLS,
/// a fixed token issuer) on a given database, for the benchmarks that drive the real services:
/// referral creation and notification delivery. Linked into both bench projects.
/// </summary>
public static class ProductionBenchHub
{
    public static async Task<WebApplication> StartAsync(string ca, string certificate, string key, string auditKey, string connectionString)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hub:Tls:Bind"] = "127.0.0.1",
            ["Hub:Tls:Port"] = "0",
            ["Hub:Tls:CertificatePath"] = certificate,
            ["Hub:Tls:PrivateKeyPath"] = key,
            ["Hub:Tls:ClientCaPath"] = ca,
            ["Hub:CertificateAuthority:CertificatePath"] = ca,
            ["Hub:Database:ConnectionString"] = connectionString,
            ["Hub:Database:MigrateOnStart"] = "false",
            ["Hub:Tokens:Issuer"] = "https://hub.bench",
            ["Hub:Audit:CheckpointKeyPath"] = auditKey,
        });
        var app = HubApplication.Build(builder);
        await app.StartAsync();
        return app;
    }

    /// <summary>The credentials of one call as <paramref name="client"/>'s agency with <paramref name="scope"/>, straight from the hub's own issuer.</summary>
    public static async Task<Metadata> HeadersAsync(WebApplication app, X509Certificate2 client, string scope)
    {
        var grant = (await app.Services.GetRequiredService<AgencyAdmission>().AdmitAsync(client, CancellationToken.None)).Grant!;
        var token = (await app.Services.GetRequiredService<AccessTokenIssuer>().IssueAsync(grant, [scope], client, CancellationToken.None)).AccessToken;
        return new Metadata().Add("authorization", $"Bearer {token}").Add("x-officer-id", "bench.officer");
    }
}
