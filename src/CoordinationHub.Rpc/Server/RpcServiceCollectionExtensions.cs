using CoordinationHub.Rpc.Internal;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoordinationHub.Rpc.Server;

/// <summary>Registers the gRPC server layer.</summary>
public static class RpcServiceCollectionExtensions
{
    /// <summary>
    /// Adds the gRPC server layer; configure it through <see cref="RpcServerOptions"/>. Once a service is
    /// mapped, gRPC requests that reach the end of the pipeline unanswered get UNIMPLEMENTED.
    /// </summary>
    public static IServiceCollection AddRpcServer(this IServiceCollection services, Action<RpcServerOptions>? configure = null)
    {
        services.AddRouting();
        services.AddOptions<RpcServerOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<RpcServiceRegistry>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, UnimplementedCallHandler>());
        return services;
    }

    /// <summary>Adds an interceptor that runs around every service method, after those added before it.</summary>
    public static IServiceCollection AddRpcInterceptor<TInterceptor>(this IServiceCollection services)
        where TInterceptor : class, IServerCallInterceptor
    {
        services.AddSingleton<IServerCallInterceptor, TInterceptor>();
        return services;
    }
}
