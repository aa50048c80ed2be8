using CoordinationHub.Rpc.Health;
using CoordinationHub.Rpc.Tests.Infrastructure;
using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace CoordinationHub.Rpc.Tests.Health;

public sealed class HealthServiceTests
{
    private readonly HealthStatusRegistry _statuses = new();

    private HealthService Service => new(_statuses);

    [Fact]
    public async Task Check_EmptyName_ReturnsOverallStatus()
    {
        var initial = await Service.Check(new HealthCheckRequest(), new TestServerCallContext());
        _statuses.SetStatus(HealthStatusRegistry.OverallService, ServingStatus.NotServing);
        var changed = await Service.Check(new HealthCheckRequest { Service = "" }, new TestServerCallContext());

        Assert.Equal(ServingStatus.Serving, initial.Status);
        Assert.Equal(ServingStatus.NotServing, changed.Status);
    }

    [Fact]
    public async Task Check_KnownService_ReturnsItsStatus()
    {
        _statuses.SetStatus("coordination.v1.HubInfoService", ServingStatus.NotServing);

        var response = await Service.Check(new HealthCheckRequest { Service = "coordination.v1.HubInfoService" }, new TestServerCallContext());

        Assert.Equal(ServingStatus.NotServing, response.Status);
    }

    [Fact]
    public async Task Check_UnknownService_ThrowsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(
            () => Service.Check(new HealthCheckRequest { Service = "no.such.Service" }, new TestServerCallContext()));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Check_ClearedService_ThrowsNotFound()
    {
        _statuses.SetStatus("a.Service", ServingStatus.Serving);
        _statuses.ClearStatus("a.Service");

        var error = await Assert.ThrowsAsync<RpcException>(
            () => Service.Check(new HealthCheckRequest { Service = "a.Service" }, new TestServerCallContext()));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Watch_KnownService_SendsCurrentStatusThenEachChange()
    {
        _statuses.SetStatus("a.Service", ServingStatus.Serving);
        using var cts = new CancellationTokenSource();
        var writer = new TestServerStreamWriter<HealthCheckResponse>();

        var watch = Service.Watch(new HealthCheckRequest { Service = "a.Service" }, writer, new TestServerCallContext(cts.Token));
        var initial = await writer.ReadNextAsync();
        _statuses.SetStatus("a.Service", ServingStatus.NotServing);
        var changed = await writer.ReadNextAsync();
        _statuses.SetStatus("a.Service", ServingStatus.Serving);
        var changedBack = await writer.ReadNextAsync();
        await cts.CancelAsync();
        await watch;

        Assert.Equal(ServingStatus.Serving, initial.Status);
        Assert.Equal(ServingStatus.NotServing, changed.Status);
        Assert.Equal(ServingStatus.Serving, changedBack.Status);
    }

    [Fact]
    public async Task Watch_SameStatusSetAgain_SendsNothing()
    {
        _statuses.SetStatus("a.Service", ServingStatus.Serving);
        using var cts = new CancellationTokenSource();
        var writer = new TestServerStreamWriter<HealthCheckResponse>();

        var watch = Service.Watch(new HealthCheckRequest { Service = "a.Service" }, writer, new TestServerCallContext(cts.Token));
        await writer.ReadNextAsync();
        _statuses.SetStatus("a.Service", ServingStatus.Serving);
        _statuses.SetStatus("b.Service", ServingStatus.NotServing);
        await Task.Delay(100);
        await cts.CancelAsync();
        await watch;

        Assert.False(writer.TryReadNext(out _));
    }

    [Fact]
    public async Task Watch_UnknownService_SendsServiceUnknownAndStaysOpenUntilCancelled()
    {
        using var cts = new CancellationTokenSource();
        var writer = new TestServerStreamWriter<HealthCheckResponse>();

        var watch = Service.Watch(new HealthCheckRequest { Service = "later.Service" }, writer, new TestServerCallContext(cts.Token));
        var initial = await writer.ReadNextAsync();
        await Task.Delay(200);
        var openBeforeCancel = !watch.IsCompleted;
        await cts.CancelAsync();
        await watch.WaitAsync(TestServerStreamWriter<HealthCheckResponse>.DefaultTimeout);

        Assert.Equal(ServingStatus.ServiceUnknown, initial.Status);
        Assert.True(openBeforeCancel);
        Assert.True(watch.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Watch_UnknownServiceBecomesKnown_SendsItsStatus()
    {
        using var cts = new CancellationTokenSource();
        var writer = new TestServerStreamWriter<HealthCheckResponse>();

        var watch = Service.Watch(new HealthCheckRequest { Service = "later.Service" }, writer, new TestServerCallContext(cts.Token));
        var initial = await writer.ReadNextAsync();
        _statuses.SetStatus("later.Service", ServingStatus.Serving);
        var known = await writer.ReadNextAsync();
        _statuses.ClearStatus("later.Service");
        var forgotten = await writer.ReadNextAsync();
        await cts.CancelAsync();
        await watch;

        Assert.Equal(ServingStatus.ServiceUnknown, initial.Status);
        Assert.Equal(ServingStatus.Serving, known.Status);
        Assert.Equal(ServingStatus.ServiceUnknown, forgotten.Status);
    }

    [Fact]
    public async Task Watch_ServerShutsDown_SendsNotServingAndEnds()
    {
        _statuses.SetStatus("a.Service", ServingStatus.Serving);
        var writer = new TestServerStreamWriter<HealthCheckResponse>();

        var watch = Service.Watch(new HealthCheckRequest { Service = "a.Service" }, writer, new TestServerCallContext());
        await writer.ReadNextAsync();
        _statuses.EnterShutdown();
        var last = await writer.ReadNextAsync();
        await watch.WaitAsync(TestServerStreamWriter<HealthCheckResponse>.DefaultTimeout);

        Assert.Equal(ServingStatus.NotServing, last.Status);
    }
}
