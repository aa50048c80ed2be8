using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Rpc.Client;
using CoordinationHub.Server.Hosting;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationHub.Server.Tests.Hosting;

/// <summary>
/// The real hub (<see cref="HubApplication"/>) on a free port over TLS with the dev certificates,
/// on a fresh private PostgreSQL database of its own. One per test class.
/// </summary>
public sealed class InProcessHub : IAsyncLifetime
{
    private readonly PostgresDatabaseFixture _database = new();
    private WebApplication? _app;

    public Uri Address { get; private set; } = new("https://127.0.0.1");

    public string ConnectionString => _database.ConnectionString;

    public async Task InitializeAsync()
    {
        if (!File.Exists(TestCertificates.CaPem))
        {
            throw new InvalidOperationException($"Dev certificates are missing in {TestCertificates.Directory}: run certs-dev/generate.sh (scripts/test.sh does).");
        }

        await _database.InitializeAsync();
        _app = HubApplication.Build(
            ["--environment", "Development"],
            builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Hub:Tls:Bind"] = "127.0.0.1",
                ["Hub:Tls:Port"] = "0",
                ["Hub:Tls:CertificatePath"] = TestCertificates.ServerPem,
                ["Hub:Tls:PrivateKeyPath"] = TestCertificates.ServerKey,
                ["Hub:CertificateAuthority:CertificatePath"] = TestCertificates.CaPem,
                ["Hub:CertificateAuthority:PrivateKeyPath"] = TestCertificates.CaKey,
                ["Hub:Database:ConnectionString"] = _database.ConnectionString,
                ["Logging:LogLevel:Default"] = "Warning",
            }));
        await _app.MigrateHubDatabaseAsync();
        await _app.StartAsync();
        var bound = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Address = new Uri(bound.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>A channel that trusts the dev CA.</summary>
    public RpcChannel CreateChannel() =>
        RpcChannel.ForAddress(Address, new RpcChannelOptions { TrustedRoots = [X509CertificateLoader.LoadCertificateFromFile(TestCertificates.CaPem)] });

    /// <summary>A context on the hub's database, to check what was (not) stored.</summary>
    public HubDbContext OpenDatabase() => HubDatabase.Open(_database.ConnectionString);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}
