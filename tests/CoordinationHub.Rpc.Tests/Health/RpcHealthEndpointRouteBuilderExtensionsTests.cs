using CoordinationHub.Rpc.Health;
using CoordinationHub.Rpc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationHub.Rpc.Tests.Health;

public sealed class RpcHealthEndpointRouteBuilderExtensionsTests
{
    [Fact]
    public async Task MapRpcHealthService_MapsCheckAndWatch()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddRpcServer().AddRpcHealthChecks();
        await using var app = builder.Build();

        app.MapRpcHealthService();

        Assert.Equal(["grpc.health.v1.Health"], app.Services.GetRequiredService<RpcServiceRegistry>().ServiceNames);
        var routes = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(endpoint => endpoint.RoutePattern.RawText);
        Assert.Contains("/grpc.health.v1.Health/Check", routes);
        Assert.Contains("/grpc.health.v1.Health/Watch", routes);
    }

    [Fact]
    public async Task MapRpcHealthService_WithoutAddRpcHealthChecks_Throws()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddRpcServer();
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapRpcHealthService());

        Assert.Contains(nameof(RpcHealthServiceCollectionExtensions.AddRpcHealthChecks), error.Message, StringComparison.Ordinal);
    }
}
