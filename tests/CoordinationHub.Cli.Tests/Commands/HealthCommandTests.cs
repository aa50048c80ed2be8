using System.Text.Json;
using CoordinationHub.Cli.Tests.Infrastructure;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace CoordinationHub.Cli.Tests.Commands;

[Collection(HubTestGroup.Name)]
public sealed class HealthCommandTests(CliHubTestHost hub)
{
    [Fact]
    public async Task Health_HubServing_PrintsServingAndExitsZero()
    {
        var run = await HubCtlRun.AgainstAsync(hub, "health");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("SERVING", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Health_UnknownService_PrintsNotFoundAndExitsTwo()
    {
        var run = await HubCtlRun.AgainstAsync(hub, "health", "--service", "no.such.Service");

        Assert.True(run.ExitCode == ExitCodes.RpcError, run.ToString());
        Assert.StartsWith("NOT_FOUND: ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Health_ServiceNotServing_PrintsStatusAndExitsThree()
    {
        hub.Health.SetStatus("test.v1.Degraded", ServingStatus.NotServing);

        var run = await HubCtlRun.AgainstAsync(hub, "health", "--service", "test.v1.Degraded");

        Assert.True(run.ExitCode == ExitCodes.NotServing, run.ToString());
        Assert.Contains("NOT_SERVING", run.Output, StringComparison.Ordinal);
        Assert.Contains("test.v1.Degraded", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_JsonOutput_IsProto3JsonWithTheService()
    {
        var run = await HubCtlRun.AgainstAsync(hub, "health", "--output", "json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(string.Empty, json.RootElement.GetProperty("service").GetString());
        Assert.Equal("SERVING", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_WatchUntilGivenTimeout_PrintsJsonLinesAndExitsWithLastStatus()
    {
        hub.Health.SetStatus("test.v1.Watched", ServingStatus.Serving);

        var run = await HubCtlRun.AgainstAsync(hub, "health", "--service", "test.v1.Watched", "--watch", "--timeout", "1", "-o", "json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var first = Assert.Single(lines);
        using var json = JsonDocument.Parse(first);
        Assert.Equal("test.v1.Watched", json.RootElement.GetProperty("service").GetString());
        Assert.Equal("SERVING", json.RootElement.GetProperty("status").GetString());
    }
}
