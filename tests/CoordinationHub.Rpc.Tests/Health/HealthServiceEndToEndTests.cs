using CoordinationHub.Rpc.Health;
using CoordinationHub.Rpc.Tests.Infrastructure;
using Grpc.Health.V1;
using Microsoft.Extensions.Logging;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace CoordinationHub.Rpc.Tests.Health;

/// <summary>Health over the wire: h2c on real Kestrel, as a load balancer or grpc_health_probe calls it.</summary>
public sealed class HealthServiceEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private StandardServicesTestServer _server = null!;

    public async Task InitializeAsync() => _server = await StandardServicesTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("", 0, ServingStatus.Serving)]
    [InlineData("grpc.testing.TestService", 0, ServingStatus.NotServing)]
    [InlineData("no.such.Service", 5, ServingStatus.Unknown)]
    public async Task Check_OverTheWire_AnswersStatusOrNotFound(string service, int grpcStatus, ServingStatus expected)
    {
        _server.Health.SetStatus("grpc.testing.TestService", ServingStatus.NotServing);
        await using var call = _server.StartCall(HealthServiceMethods.Check);

        call.Send(new HealthCheckRequest { Service = service });
        call.CompleteRequests();
        var response = await call.ReadAsync(HealthCheckResponse.Parser).WaitAsync(Patience);

        Assert.Equal(expected, response?.Status ?? ServingStatus.Unknown);
        Assert.Null(await call.ReadAsync(HealthCheckResponse.Parser).WaitAsync(Patience));
        Assert.Equal(grpcStatus, await call.GetStatusAsync());
        AssertNoErrorsLogged();
    }

    [Fact]
    public async Task Watch_OverTheWire_StreamsCurrentStatusThenChanges()
    {
        await using (var call = _server.StartCall(HealthServiceMethods.Watch))
        {
            call.Send(new HealthCheckRequest { Service = "grpc.testing.TestService" });
            call.CompleteRequests();
            var unknown = await call.ReadAsync(HealthCheckResponse.Parser).WaitAsync(Patience);
            _server.Health.SetStatus("grpc.testing.TestService", ServingStatus.Serving);
            var serving = await call.ReadAsync(HealthCheckResponse.Parser).WaitAsync(Patience);

            Assert.Equal(ServingStatus.ServiceUnknown, unknown?.Status);
            Assert.Equal(ServingStatus.Serving, serving?.Status);
        }

        AssertNoErrorsLogged();
    }

    [Fact]
    public async Task Watch_HostStops_SendsNotServingAndEndsSoShutdownDoesNotWait()
    {
        var call = _server.StartCall(HealthServiceMethods.Watch);
        call.Send(new HealthCheckRequest());
        call.CompleteRequests();
        var serving = await call.ReadAsync(HealthCheckResponse.Parser).WaitAsync(Patience);

        var stopping = _server.StopAsync(TimeSpan.FromSeconds(30));
        var notServing = await call.ReadAsync(HealthCheckResponse.Parser).WaitAsync(Patience);
        var end = await call.ReadAsync(HealthCheckResponse.Parser).WaitAsync(Patience);
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
        await call.DisposeAsync();

        Assert.Equal(ServingStatus.Serving, serving?.Status);
        Assert.Equal(ServingStatus.NotServing, notServing?.Status);
        Assert.Null(end);
        Assert.Equal(0, await call.GetStatusAsync());
    }

    private void AssertNoErrorsLogged() =>
        Assert.DoesNotContain(_server.Logs.Entries, entry => entry.Level >= LogLevel.Warning);
}
