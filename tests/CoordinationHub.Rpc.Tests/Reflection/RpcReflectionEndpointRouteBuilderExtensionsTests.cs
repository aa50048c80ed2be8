using CoordinationHub.Rpc.Reflection;
using CoordinationHub.Rpc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationHub.Rpc.Tests.Reflection;

public sealed class RpcReflectionEndpointRouteBuilderExtensionsTests
{
    [Fact]
    public async Task MapRpcReflectionService_MapsBothVersionsAndRegistersTheirDescriptors()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddRpcServer();
        await using var app = builder.Build();

        app.MapRpcReflectionService();

        var registry = app.Services.GetRequiredService<RpcServiceRegistry>();
        Assert.Equal(["grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"], registry.ServiceNames);
        Assert.Equal(2, registry.Descriptors.Count);
        var routes = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(endpoint => endpoint.RoutePattern.RawText);
        Assert.Contains("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo", routes);
        Assert.Contains("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", routes);
    }
}
