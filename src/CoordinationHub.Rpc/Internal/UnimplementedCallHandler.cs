using System.Globalization;
using CoordinationHub.Rpc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationHub.Rpc.Internal;

/// <summary>
/// Answers gRPC requests for paths no service claims with UNIMPLEMENTED as a trailers-only response,
/// which gRPC clients understand, rather than a bare HTTP 404, which they map to a vaguer status.
/// </summary>
/// <remarks>
/// A terminal middleware at the very end of the pipeline, reached only when no endpoint answered,
/// rather than a catch-all <c>{service}/{method}</c> route: such a route is a candidate in every match
/// of a gRPC path, so routing would build its route values on every call (measured in
/// docs/benchmarks.md), only to discard them for the literal route.
/// </remarks>
internal sealed class UnimplementedCallHandler : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        var registry = app.ApplicationServices.GetRequiredService<RpcServiceRegistry>();
        app.Use(nextDelegate => context => HandleAsync(context, registry, nextDelegate));
    };

    private static Task HandleAsync(HttpContext context, RpcServiceRegistry registry, RequestDelegate next)
    {
        // As the route it replaces: only once a service is mapped, only for /{service}/{method}, any
        // verb and protocol, and everything that is not gRPC keeps the host's 404.
        if (registry.IsEmpty
            || !GrpcProtocol.IsGrpcContentType(context.Request.ContentType)
            || !TryGetServiceName(context.Request.Path, out var service))
        {
            return next(context);
        }

        var detail = registry.Contains(service)
            ? string.Create(CultureInfo.InvariantCulture, $"Method is unimplemented: {context.Request.Path}.")
            : string.Create(CultureInfo.InvariantCulture, $"Service is unimplemented: {service}.");
        TrailersOnlyResponse.Write(context.Response, new RpcStatus(StatusCode.Unimplemented, detail));
        return Task.CompletedTask;
    }

    /// <summary>The first of exactly two non-empty path segments (a trailing slash allowed, as routing allows it).</summary>
    private static bool TryGetServiceName(PathString path, out string service)
    {
        service = string.Empty;
        var value = path.Value.AsSpan();
        if (value.Length < 2 || value[0] != '/')
        {
            return false;
        }

        value = value[1..];
        if (value[^1] == '/')
        {
            value = value[..^1];
        }

        var slash = value.IndexOf('/');
        if (slash <= 0 || slash == value.Length - 1 || value[(slash + 1)..].Contains('/'))
        {
            return false;
        }

        service = value[..slash].ToString();
        return true;
    }
}
