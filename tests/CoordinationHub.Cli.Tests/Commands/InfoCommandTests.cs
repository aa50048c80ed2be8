using System.Text.Json;
using CoordinationHub.Cli.Tests.Infrastructure;

namespace CoordinationHub.Cli.Tests.Commands;

[Collection(HubTestGroup.Name)]
public sealed class InfoCommandTests(CliHubTestHost hub)
{
    [Fact]
    public async Task Info_Table_ShowsTheHubThatAnswered()
    {
        var run = await HubCtlRun.AgainstAsync(hub, "info");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains(CliHubTestHost.HubName, run.Output, StringComparison.Ordinal);
        Assert.Contains("coordination.v1", run.Output, StringComparison.Ordinal);
        Assert.Contains("Clock offset", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_Json_IsTheResponseInProto3Json()
    {
        var run = await HubCtlRun.AgainstAsync(hub, "info", "-o", "json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(CliHubTestHost.HubName, json.RootElement.GetProperty("hubName").GetString());
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
            ["HUBCTL_CA"] = hub.ClientCaPath,
            ["HUBCTL_CERT"] = hub.Operator.CertificatePath,
            ["HUBCTL_KEY"] = hub.Operator.KeyPath,
        };

        var run = await HubCtlRun.RunAsync(environment, "info");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains(CliHubTestHost.HubName, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_WithoutClientCertificate_ExitsOneExplainingTokensNeedOne()
    {
        var run = await HubCtlRun.WithoutCertificateAsync(hub, "info");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("--cert", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_UnregisteredCertificate_ExitsTwoUnauthenticated()
    {
        var stranger = hub.Pki.IssueClient("stranger");
        var directory = hub.NewDirectory();
        var (certificate, key) = new Testing.Hub.TestAgency("stranger", stranger).WritePemFiles(directory);

        var run = await HubCtlRun.AsAsync(hub, new AgencyFiles("stranger", certificate, key), "info");

        Assert.True(run.ExitCode == ExitCodes.RpcError, run.ToString());
        Assert.StartsWith("UNAUTHENTICATED: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_TimeoutAlreadyOver_FailsWithDeadlineExceeded()
    {
        var run = await HubCtlRun.AgainstAsync(hub, "info", "--timeout", "0.000001");

        Assert.True(run.ExitCode == ExitCodes.RpcError, run.ToString());
        Assert.StartsWith("DEADLINE_EXCEEDED: ", run.Error, StringComparison.Ordinal);
    }
}
