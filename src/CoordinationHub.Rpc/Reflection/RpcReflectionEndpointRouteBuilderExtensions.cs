using CoordinationHub.Rpc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CoordinationHub.Rpc.Reflection;

/// <summary>Maps gRPC server reflection.</summary>
public static class RpcReflectionEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>grpc.reflection.v1.ServerReflection</c> and <c>grpc.reflection.v1alpha.ServerReflection</c>, which
    /// describe every service mapped on this server. Reflection reveals the whole API surface: map it where that is
    /// acceptable (development, or behind authentication).
    /// </summary>
    public static IEndpointConventionBuilder MapRpcReflectionService(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapRpcService<ServerReflectionService>();
    }
}
