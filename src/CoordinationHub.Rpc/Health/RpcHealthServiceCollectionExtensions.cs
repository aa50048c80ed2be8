using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoordinationHub.Rpc.Health;

/// <summary>Registers the gRPC health service.</summary>
public static class RpcHealthServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="HealthStatusRegistry"/> singleton that services update and
    /// <see cref="HealthService"/> reports, and marks every status NOT_SERVING when the application starts
    /// stopping. Map the service with <see cref="RpcHealthEndpointRouteBuilderExtensions.MapRpcHealthService"/>.
    /// </summary>
    public static IServiceCollection AddRpcHealthChecks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<HealthStatusRegistry>();
        services.TryAddSingleton<HealthService>();
        services.AddHostedService<HealthShutdownHostedService>();
        return services;
    }
}
