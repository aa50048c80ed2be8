using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Services.Notifications;
using CoordinationHub.Server.Services.Referrals;
using CoordinationHub.Server.Trust;

namespace CoordinationHub.Server.Hosting;

/// <summary>
/// The hub, assembled: Program runs it, integration tests host the very same thing in-process
/// (real Kestrel, real TLS, real PostgreSQL) with their own configuration on top.
/// </summary>
public static class HubApplication
{
    /// <param name="args">Command-line arguments (configuration overrides).</param>
    /// <param name="configure">
    /// Lets a test host add configuration or services. It runs after the hub's own registrations,
    /// so what it adds comes last (an interceptor it adds runs after authentication); options are
    /// bound when first resolved, so configuration it adds is seen by all of them.
    /// </param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null) =>
        Build(WebApplication.CreateSlimBuilder(args), configure);

    /// <inheritdoc cref="Build(string[], Action{WebApplicationBuilder}?)"/>
    public static WebApplication Build(WebApplicationBuilder builder, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddHubTransport();
        builder.Services.AddHubPersistence();
        builder.Services.AddHubTrust();
        builder.Services.AddHubRpc();
        builder.Services.AddHubAuthentication();
        builder.Services.AddHubReferrals();
        builder.Services.AddHubNotifications();
        builder.Services.AddHubAudit();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapHubTokenEndpoints();
        app.MapHubServices();
        app.MapHubTrustServices();
        app.MapHubAuditServices();
        return app;
    }
}
