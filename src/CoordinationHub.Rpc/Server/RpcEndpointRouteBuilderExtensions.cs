using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationHub.Rpc.Server;

/// <summary>Maps gRPC services onto ASP.NET Core endpoints.</summary>
public static class RpcEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every method of <typeparamref name="TService"/> to <c>POST /{package.Service}/{Method}</c>. Once a
    /// service is mapped, gRPC requests for unknown paths get UNIMPLEMENTED (see <c>AddRpcServer</c>).
    /// </summary>
    public static IEndpointConventionBuilder MapRpcService<TService>(this IEndpointRouteBuilder endpoints)
        where TService : class, IRpcService<TService>
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var registry = endpoints.ServiceProvider.GetService<RpcServiceRegistry>()
            ?? throw new InvalidOperationException("Call services.AddRpcServer() before mapping gRPC services.");

        var binder = new RpcServiceBinder<TService>();
        TService.BindMethods(binder);
        var conventions = new List<IEndpointConventionBuilder>();
        foreach (var handler in binder.Handlers)
        {
            registry.Add(handler.Method.ServiceName, handler.Method.Descriptor?.Service);
            conventions.Add(endpoints
                .Map(handler.Method.FullName, handler.HandleCallAsync)
                .WithDisplayName($"gRPC {handler.Method.FullName}"));
        }

        return new CompositeEndpointConventionBuilder(conventions);
    }

    private sealed class CompositeEndpointConventionBuilder(List<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            foreach (var builder in builders)
            {
                builder.Add(convention);
            }
        }

        public void Finally(Action<EndpointBuilder> finallyConvention)
        {
            foreach (var builder in builders)
            {
                builder.Finally(finallyConvention);
            }
        }
    }
}
