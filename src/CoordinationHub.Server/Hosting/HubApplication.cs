using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Trust;

namespace CoordinationHub.Server.Hosting;

/// <summary>
/// The hub, assembled: Program runs it, integration tests host the very same thing in-process
/// (real Kestrel, real TLS, real PostgreSQL) with their own configuration on top.
/// </summary>
public static class HubApplication
{
    /// <param name="args">Command-line arguments (configuration overrides).</param>
    /// <param name="configure">Lets a test host add configuration or services before the hub is built.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        configure?.Invoke(builder);
        builder.AddHubTransport();
        builder.Services.AddHubPersistence();
        builder.Services.AddHubTrust();
        builder.Services.AddHubRpc();

        var app = builder.Build();
        app.MapHubServices();
        app.MapHubTrustServices();
        return app;
    }
}
