using CoordinationHub.Rpc.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace CoordinationHub.Rpc.Tests.Health;

public sealed class RpcHealthServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddRpcHealthChecks_HostStops_ReportsNotServing()
    {
        using var host = new HostBuilder().ConfigureServices(services => services.AddRpcHealthChecks().AddRpcHealthChecks()).Build();
        var statuses = host.Services.GetRequiredService<HealthStatusRegistry>();

        await host.StartAsync();
        Assert.True(statuses.TryGetStatus(HealthStatusRegistry.OverallService, out var running));
        await host.StopAsync();
        Assert.True(statuses.TryGetStatus(HealthStatusRegistry.OverallService, out var stopped));

        Assert.Equal(ServingStatus.Serving, running);
        Assert.Equal(ServingStatus.NotServing, stopped);
        Assert.Same(statuses, host.Services.GetRequiredService<HealthStatusRegistry>());
        Assert.NotNull(host.Services.GetRequiredService<HealthService>());
    }
}
