using CoordinationHub.Rpc.Health;
using CoordinationHub.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoordinationHub.Cli.Tests.Infrastructure;

/// <summary>
/// The hub, composed as Program.cs composes it, on a free loopback port over TLS with the dev
/// server certificate; hubctl reaches it at https://localhost:PORT and checks it against the dev CA.
/// </summary>
public sealed class HubFixture : IAsyncLifetime
{
    public const string HubName = "CoordinationHub (hubctl tests)";

    private WebApplication? _app;

    public Uri Address { get; private set; } = null!;

    public HealthStatusRegistry Health => _app!.Services.GetRequiredService<HealthStatusRegistry>();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hub:Name"] = HubName,
            // Port 0 needs an IP address: Kestrel refuses a dynamic port on "localhost".
            ["Hub:Tls:Bind"] = "127.0.0.1",
            ["Hub:Tls:Port"] = "0",
            ["Hub:Tls:CertificatePath"] = DevCertificates.ServerCertificate,
            ["Hub:Tls:PrivateKeyPath"] = DevCertificates.ServerKey,
        });
        builder.AddHubTransport();
        builder.Services.AddHubRpc();
        _app = builder.Build();
        _app.MapHubServices();
        await _app.StartAsync();

        var bound = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        // The name the dev certificate is issued to, as users type it.
        Address = new UriBuilder(bound) { Host = "localhost" }.Uri;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
