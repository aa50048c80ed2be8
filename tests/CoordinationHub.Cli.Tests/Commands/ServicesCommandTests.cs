using System.Text.Json;
using CoordinationHub.Cli.Tests.Infrastructure;

namespace CoordinationHub.Cli.Tests.Commands;

[Collection(HubTestGroup.Name)]
public sealed class ServicesCommandTests(CliHubTestHost hub)
{
    private static readonly string[] HubServices =
    [
        "coordination.v1.AgenciesService",
        "coordination.v1.AuditService",
        "coordination.v1.CasesService",
        "coordination.v1.ConsentsService",
        "coordination.v1.HubInfoService",
        "coordination.v1.IdentificationsService",
        "coordination.v1.NotificationsService",
        "coordination.v1.ReferralsService",
        "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection",
        "grpc.reflection.v1alpha.ServerReflection",
    ];

    [Fact]
    public async Task Services_Table_ListsEveryServiceTheHubServes()
    {
        var run = await HubCtlRun.AgainstAsync(hub, "services");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.All(HubServices, service => Assert.Contains(service, run.Output, StringComparison.Ordinal));
        Assert.DoesNotContain("GetHubInfo", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Services_WithMethods_ShowsMethodsResolvedFromDescriptors()
    {
        var run = await HubCtlRun.AgainstAsync(hub, "services", "--methods");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("GetHubInfo", run.Output, StringComparison.Ordinal);
        Assert.Contains("GetHubInfoRequest -> GetHubInfoResponse", run.Output, StringComparison.Ordinal);
        Assert.Contains("server streaming", run.Output, StringComparison.Ordinal);
        Assert.Contains("bidi streaming", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Services_JsonWithMethods_ParsesWithFullyQualifiedTypes()
    {
        var run = await HubCtlRun.AgainstAsync(hub, "services", "--methods", "--output", "json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var services = json.RootElement.EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal(HubServices, services.Keys.Order(StringComparer.Ordinal));
        var method = Assert.Single(services["coordination.v1.HubInfoService"].GetProperty("methods").EnumerateArray());
        Assert.Equal("GetHubInfo", method.GetProperty("name").GetString());
        Assert.Equal("unary", method.GetProperty("kind").GetString());
        Assert.Equal("coordination.v1.GetHubInfoRequest", method.GetProperty("requestType").GetString());
        Assert.Equal("coordination.v1.GetHubInfoResponse", method.GetProperty("responseType").GetString());
        var health = services["grpc.health.v1.Health"].GetProperty("methods").EnumerateArray().Select(m => m.GetProperty("name").GetString());
        Assert.Equal(["Check", "Watch"], health);
    }
}
