using CoordinationHub.Rpc.Health;
using CoordinationHub.Rpc.Reflection;
using CoordinationHub.Rpc.Server;
using CoordinationHub.Server.Services;
using CoordinationHub.Server.Services.Referrals;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoordinationHub.Server.Hosting;

/// <summary>The hub's gRPC services and the standard health and reflection services.</summary>
public static class RpcHostingExtensions
{
    public static IServiceCollection AddHubRpc(this IServiceCollection services)
    {
        services.AddRpcServer();
        services.AddRpcHealthChecks();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Services.Cases.ICaseDisclosure, Services.Cases.PolicyCaseDisclosure>();
        return services;
    }

    public static WebApplication MapHubServices(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapRpcService<HubInfoService>();
        app.MapRpcService<ReferralsService>();
        app.MapRpcService<Services.Cases.CasesService>();
        app.MapRpcService<Services.Consents.ConsentsService>();
        app.MapRpcService<Services.Identifications.IdentificationsService>();
        app.MapRpcService<Services.Notifications.NotificationsService>();
        app.MapRpcHealthService();
        app.MapRpcReflectionService();
        return app;
    }
}
