using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Server.Hosting;
using CoordinationHub.Server.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoordinationHub.Testing.Hub;

/// <summary>
/// The hub in-process, composed by HubApplication exactly as Program.cs composes it, on real Kestrel (free loopback port,
/// mutual TLS, HTTP/2) with a test CA and a fresh private PostgreSQL database. Shared per test
/// class; tests register their own agencies so they do not interfere. Shared by the test projects
/// of the server and of hubctl, so both meet the hub an adapter meets.
/// </summary>
public class HubTestHost : IAsyncLifetime
{
    private WebApplication? _app;
    private string? _databaseName;

    public TestPki Pki { get; } = new();

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("hub-tests-").FullName;

    public string ConnectionString { get; private set; } = string.Empty;

    public string ServerCertificatePath => Path.Combine(Directory, "server.pem");

    public string ServerKeyPath => Path.Combine(Directory, "server.key");

    public string ClientCaPath { get; private set; } = string.Empty;

    /// <summary>The hub's audit checkpoint key (ECDSA P-256, PKCS#8 PEM), fresh per host.</summary>
    public string AuditKeyPath => Path.Combine(Directory, "audit-checkpoint.key");

    /// <summary>The test CA and its key, configured as the hub CA that signs agencies' CSRs.</summary>
    public string CaCertificatePath { get; private set; } = string.Empty;

    public string CaKeyPath { get; private set; } = string.Empty;

    public HubClient Client { get; private set; } = null!;

    public TrustSeeder Trust { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public virtual async Task InitializeAsync()
    {
        using (var server = Pki.IssueServer())
        {
            await File.WriteAllTextAsync(ServerCertificatePath, server.ExportCertificatePem());
            await File.WriteAllTextAsync(ServerKeyPath, server.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        }

        ClientCaPath = Pki.WriteRootPem(Directory);
        using (var auditKey = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256))
        {
            await File.WriteAllTextAsync(AuditKeyPath, auditKey.ExportPkcs8PrivateKeyPem());
        }

        _databaseName = await PostgresCluster.CreateDatabaseAsync("server_tests");
        ConnectionString = PostgresCluster.ConnectionStringFor(_databaseName);
        Trust = new TrustSeeder(ConnectionString, Pki);

        (CaCertificatePath, CaKeyPath) = Pki.WriteRootWithKeyPem(Directory);

        // The hub exactly as Program.cs builds it, with the test's configuration on top.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(Settings());
        _app = HubApplication.Build(builder, ConfigureHub);
        await _app.MigrateHubDatabaseAsync();
        await _app.StartAsync();

        var bound = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        Client = new HubClient(new Uri($"https://localhost:{bound.Port}"), Pki.Root);
    }

    public virtual async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_databaseName is not null)
        {
            await PostgresCluster.DropDatabaseAsync(_databaseName);
        }

        Pki.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>
    /// Runs after the hub's own registrations (see <see cref="HubApplication.Build(WebApplicationBuilder, Action{WebApplicationBuilder}?)"/>):
    /// a subclass adds probes here, such as an interceptor that runs after authentication.
    /// </summary>
    protected virtual void ConfigureHub(WebApplicationBuilder hub)
    {
    }

    /// <summary>The hub's configuration; subclasses add or change keys.</summary>
    protected virtual Dictionary<string, string?> Settings() => new()
    {
        ["Hub:Tls:Bind"] = "127.0.0.1",
        ["Hub:Tls:Port"] = "0",
        ["Hub:Tls:CertificatePath"] = ServerCertificatePath,
        ["Hub:Tls:PrivateKeyPath"] = ServerKeyPath,
        ["Hub:Tls:ClientCaPath"] = ClientCaPath,
        ["Hub:CertificateAuthority:CertificatePath"] = CaCertificatePath,
        ["Hub:CertificateAuthority:PrivateKeyPath"] = CaKeyPath,
        ["Hub:Database:ConnectionString"] = ConnectionString,
        ["Hub:Tokens:Issuer"] = "https://hub.test",
        ["Hub:Audit:CheckpointKeyPath"] = AuditKeyPath,
    };

    /// <summary>
    /// The environment of a separate hub process (<see cref="HubProcess"/>) on this host's database,
    /// PKI and keys: a second replica behind the same load balancer.
    /// </summary>
    public Dictionary<string, string> ReplicaEnvironment() => new()
    {
        ["Hub__Tls__CertificatePath"] = ServerCertificatePath,
        ["Hub__Tls__PrivateKeyPath"] = ServerKeyPath,
        ["Hub__Tls__ClientCaPath"] = ClientCaPath,
        ["Hub__CertificateAuthority__CertificatePath"] = CaCertificatePath,
        ["Hub__CertificateAuthority__PrivateKeyPath"] = CaKeyPath,
        ["Hub__Database__ConnectionString"] = ConnectionString,
        ["Hub__Tokens__Issuer"] = "https://hub.test",
        ["Hub__Audit__CheckpointKeyPath"] = AuditKeyPath,
    };

    /// <summary>A client certificate signed by a CA the hub does not trust.</summary>
    public static X509Certificate2 ForeignCertificate(string name)
    {
        using var foreign = new TestPki("Foreign Root CA");
        return foreign.IssueClient(name);
    }
}
