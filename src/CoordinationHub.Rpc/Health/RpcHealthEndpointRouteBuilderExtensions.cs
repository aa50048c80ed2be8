using CoordinationHub.Rpc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationHub.Rpc.Health;

/// <summary>Maps the gRPC health service.</summary>
public static class RpcHealthEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>grpc.health.v1.Health</c> (Check and Watch); requires <see cref="RpcHealthServiceCollectionExtensions.AddRpcHealthChecks"/>.</summary>
    public static IEndpointConventionBuilder MapRpcHealthService(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<HealthStatusRegistry>() is null)
        {
            throw new InvalidOperationException("Call services.AddRpcHealthChecks() before mapping the gRPC health service.");
        }

        return endpoints.MapRpcService<HealthService>();
    }
}
