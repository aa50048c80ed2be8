using CoordinationHub.Rpc.Health;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace CoordinationHub.Rpc.Tests.Health;

public sealed class HealthStatusRegistryTests
{
    [Fact]
    public void Watch_ManyChangesUnread_KeepsOnlyTheLatest()
    {
        var statuses = new HealthStatusRegistry();
        using var watch = statuses.Watch("a.Service");

        for (var i = 0; i < 1000; i++)
        {
            statuses.SetStatus("a.Service", i % 2 == 0 ? ServingStatus.Serving : ServingStatus.NotServing);
        }

        Assert.True(watch.Statuses.TryRead(out var latest));
        Assert.Equal(ServingStatus.NotServing, latest);
        Assert.False(watch.Statuses.TryRead(out _));
    }

    [Fact]
    public void SetStatus_ServiceUnknown_Throws()
    {
        var statuses = new HealthStatusRegistry();

        Assert.Throws<ArgumentOutOfRangeException>(() => statuses.SetStatus("a.Service", ServingStatus.ServiceUnknown));
    }

    [Fact]
    public void SetStatus_AfterShutdown_IsIgnored()
    {
        var statuses = new HealthStatusRegistry();
        statuses.SetStatus("a.Service", ServingStatus.Serving);

        statuses.EnterShutdown();
        statuses.SetStatus("a.Service", ServingStatus.Serving);

        Assert.True(statuses.TryGetStatus("a.Service", out var status));
        Assert.Equal(ServingStatus.NotServing, status);
        Assert.True(statuses.TryGetStatus(HealthStatusRegistry.OverallService, out var overall));
        Assert.Equal(ServingStatus.NotServing, overall);
    }
}
