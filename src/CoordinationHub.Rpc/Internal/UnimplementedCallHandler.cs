using System.Globalization;
using CoordinationHub.Rpc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoordinationHub.Rpc.Internal;

/// <summary>
/// Answers gRPC requests for paths no service claims with UNIMPLEMENTED as a trailers-only response,
/// which gRPC clients understand, rather than a bare HTTP 404, which they map to a vaguer status.
/// </summary>
internal static class UnimplementedCallHandler
{
    private const string Pattern = "{unimplementedService}/{unimplementedMethod}";

    public static void MapOnce(IEndpointRouteBuilder endpoints, RpcServiceRegistry registry)
    {
        if (endpoints.DataSources.SelectMany(d => d.Endpoints).Any(e => e.DisplayName == Pattern))
        {
            return;
        }

        endpoints.Map(Pattern, context => HandleAsync(context, registry))
            .WithDisplayName(Pattern)
            // Lowest precedence: every explicit route (gRPC or not) wins over the catch-all.
            .Add(builder => ((RouteEndpointBuilder)builder).Order = int.MaxValue);
    }

    private static Task HandleAsync(HttpContext context, RpcServiceRegistry registry)
    {
        if (!GrpcProtocol.IsGrpcContentType(context.Request.ContentType))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        var service = (string?)context.Request.RouteValues["unimplementedService"] ?? string.Empty;
        var known = registry.ServiceNames.Contains(service, StringComparer.Ordinal);
        var detail = known
            ? string.Create(CultureInfo.InvariantCulture, $"Method is unimplemented: {context.Request.Path}.")
            : string.Create(CultureInfo.InvariantCulture, $"Service is unimplemented: {service}.");
        TrailersOnlyResponse.Write(context.Response, new RpcStatus(StatusCode.Unimplemented, detail));
        return Task.CompletedTask;
    }
}
