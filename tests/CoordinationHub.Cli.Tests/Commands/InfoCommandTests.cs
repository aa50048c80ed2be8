using System.Text.Json;
using CoordinationHub.Cli.Tests.Infrastructure;

namespace CoordinationHub.Cli.Tests.Commands;

[Collection(HubTestGroup.Name)]
public sealed class InfoCommandTests(HubFixture hub)
{
    [Fact]
    public async Task Info_Table_ShowsTheHubThatAnswered()
    {
        var run = await HubCtlRun.AgainstAsync(hub, "info");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains(HubFixture.HubName, run.Output, StringComparison.Ordinal);
        Assert.Contains("coordination.v1", run.Output, StringComparison.Ordinal);
        Assert.Contains("Clock offset", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_Json_IsTheResponseInProto3Json()
    {
        var run = await HubCtlRun.AgainstAsync(hub, "info", "-o", "json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(HubFixture.HubName, json.RootElement.GetProperty("hubName").GetString());
        Assert.Equal(["coordination.v1"], json.RootElement.GetProperty("apiVersions").EnumerateArray().Select(v => v.GetString()));
        var serverTime = json.RootElement.GetProperty("serverTime").GetDateTimeOffset();
        Assert.InRange(serverTime, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Info_SettingsFromEnvironment_ReachTheHub()
    {
        var environment = new Dictionary<string, string>
        {
            ["HUBCTL_HUB"] = hub.Address.ToString(),
            ["HUBCTL_CA"] = DevCertificates.CaFile,
            ["HUBCTL_CERT"] = DevCertificates.ClientCertificate,
            ["HUBCTL_KEY"] = DevCertificates.ClientKey,
        };

        var run = await HubCtlRun.RunAsync(environment, "info");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains(HubFixture.HubName, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_TimeoutAlreadyOver_FailsWithDeadlineExceeded()
    {
        var run = await HubCtlRun.AgainstAsync(hub, "info", "--timeout", "0.000001");

        Assert.True(run.ExitCode == ExitCodes.RpcError, run.ToString());
        Assert.StartsWith("DEADLINE_EXCEEDED: ", run.Error, StringComparison.Ordinal);
    }
}
