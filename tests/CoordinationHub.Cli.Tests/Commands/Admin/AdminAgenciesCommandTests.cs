using System.Text.Json;
using CoordinationHub.Cli.Tests.Infrastructure;

namespace CoordinationHub.Cli.Tests.Commands.Admin;

[Collection(HubTestGroup.Name)]
public sealed class AdminAgenciesCommandTests(CliHubTestHost hub)
{
    private static int s_counter;

    [Fact]
    public async Task Register_ThenList_ShowsTheAgencyInTableAndJson()
    {
        var admin = await hub.AdminAsync();
        var id = NewId("dna-lab");

        var register = await HubCtlRun.AsAsync(hub, admin, "admin", "agencies", "register", id, "--name", "National DNA Laboratory",
            "--kind", "forensic-laboratory", "--scope", "cases.read", "--category", "genetic,identity", "--purpose", "identification");
        var table = await HubCtlRun.AsAsync(hub, admin, "admin", "agencies", "list");
        var json = await HubCtlRun.AsAsync(hub, admin, "admin", "agencies", "list", "-o", "json");

        Assert.True(register.ExitCode == ExitCodes.Ok, register.ToString());
        Assert.Contains("forensic_laboratory", register.Output, StringComparison.Ordinal);
        Assert.True(table.ExitCode == ExitCodes.Ok, table.ToString());
        var row = Assert.Single(table.Output.Split('\n'), line => line.Contains(id, StringComparison.Ordinal));
        Assert.Contains("National DNA Laboratory", row, StringComparison.Ordinal);
        Assert.Contains("active", row, StringComparison.Ordinal);
        Assert.True(json.ExitCode == ExitCodes.Ok, json.ToString());
        using var document = JsonDocument.Parse(json.Output);
        var agency = Assert.Single(document.RootElement.EnumerateArray(), a => a.GetProperty("agencyId").GetString() == id);
        Assert.Equal("AGENCY_KIND_FORENSIC_LABORATORY", agency.GetProperty("kind").GetString());
        Assert.Equal(["DATA_CATEGORY_IDENTITY", "DATA_CATEGORY_GENETIC"], agency.GetProperty("claims").GetProperty("dataCategories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["PURPOSE_IDENTIFICATION"], agency.GetProperty("claims").GetProperty("purposes").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Suspend_TheAgencysOwnInfoCall_ExitsTwoPermissionDenied()
    {
        var admin = await hub.AdminAsync();
        var agency = await hub.RegisterAsync("suspended-by-hubctl", []);
        var before = await HubCtlRun.AsAsync(hub, agency, "info");

        var suspend = await HubCtlRun.AsAsync(hub, admin, "admin", "agencies", "suspend", agency.AgencyId, "--reason", "audit of its adapter");
        var after = await RunUntilRefusedAsync(() => HubCtlRun.AsAsync(hub, agency, "info"));

        Assert.True(before.ExitCode == ExitCodes.Ok, before.ToString());
        Assert.True(suspend.ExitCode == ExitCodes.Ok, suspend.ToString());
        Assert.Contains("suspended", suspend.Output, StringComparison.Ordinal);
        Assert.True(after.ExitCode == ExitCodes.RpcError, after.ToString());
        Assert.StartsWith("PERMISSION_DENIED: ", after.Error, StringComparison.Ordinal);
        Assert.Contains("audit of its adapter", after.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reinstate_SuspendedAgency_ItsInfoCallWorksAgain()
    {
        var admin = await hub.AdminAsync();
        var agency = await hub.RegisterAsync("reinstated-by-hubctl", []);
        await HubCtlRun.AsAsync(hub, admin, "admin", "agencies", "suspend", agency.AgencyId, "--reason", "check");
        await RunUntilRefusedAsync(() => HubCtlRun.AsAsync(hub, agency, "info"));

        var reinstate = await HubCtlRun.AsAsync(hub, admin, "admin", "agencies", "reinstate", agency.AgencyId, "--reason", "check done");
        var after = await RunUntilAsync(() => HubCtlRun.AsAsync(hub, agency, "info"), run => run.ExitCode == ExitCodes.Ok);

        Assert.True(reinstate.ExitCode == ExitCodes.Ok, reinstate.ToString());
        Assert.True(after.ExitCode == ExitCodes.Ok, after.ToString());
    }

    [Fact]
    public async Task UpdateClaims_ThenGet_ShowsExactlyTheNewClaims()
    {
        var admin = await hub.AdminAsync();
        var agency = await hub.RegisterAsync("claims-by-hubctl", ["cases.read"]);

        var update = await HubCtlRun.AsAsync(hub, admin, "admin", "agencies", "update-claims", agency.AgencyId,
            "--scope", "referrals.read", "--scope", "referrals.write", "--purpose", "search");
        var get = await HubCtlRun.AsAsync(hub, admin, "admin", "agencies", "get", agency.AgencyId, "-o", "json");

        Assert.True(update.ExitCode == ExitCodes.Ok, update.ToString());
        Assert.True(get.ExitCode == ExitCodes.Ok, get.ToString());
        using var document = JsonDocument.Parse(get.Output);
        var claims = document.RootElement.GetProperty("claims");
        Assert.Equal(["referrals.read", "referrals.write"], claims.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Empty(claims.GetProperty("dataCategories").EnumerateArray());
    }

    [Fact]
    public async Task Register_UnknownScope_ExitsTwoInvalidArgument()
    {
        var admin = await hub.AdminAsync();

        var run = await HubCtlRun.AsAsync(hub, admin, "admin", "agencies", "register", NewId("bad-scope"), "--name", "Bad", "--kind", "interior", "--scope", "cases.everything");

        Assert.True(run.ExitCode == ExitCodes.RpcError, run.ToString());
        Assert.StartsWith("INVALID_ARGUMENT: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("cases.everything", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_UnknownCategory_ExitsOneWithoutCalling()
    {
        var admin = await hub.AdminAsync();

        var run = await HubCtlRun.AsAsync(hub, admin, "admin", "agencies", "register", NewId("bad-category"), "--name", "Bad", "--kind", "interior", "--category", "dna");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("genetic", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_AsAgencyWithoutAdminScope_ExitsTwoPermissionDenied()
    {
        var run = await HubCtlRun.AgainstAsync(hub, "admin", "agencies", "list");

        Assert.True(run.ExitCode == ExitCodes.RpcError, run.ToString());
        Assert.StartsWith("PERMISSION_DENIED: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownAgency_ExitsTwoNotFound()
    {
        var admin = await hub.AdminAsync();

        var run = await HubCtlRun.AsAsync(hub, admin, "admin", "agencies", "get", NewId("nobody"));

        Assert.True(run.ExitCode == ExitCodes.RpcError, run.ToString());
        Assert.StartsWith("NOT_FOUND: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuspendHelp_SaysWhatChangesAndThatItIsAudited()
    {
        var run = await HubCtlRun.RunAsync(null, "admin", "agencies", "suspend", "--help");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("PERMISSION_DENIED", run.Output, StringComparison.Ordinal);
        Assert.Contains("Audited", run.Output, StringComparison.Ordinal);
        Assert.Contains("--reason", run.Output, StringComparison.Ordinal);
    }

    private static string NewId(string prefix) => $"{prefix}-{Interlocked.Increment(ref s_counter)}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Runs until refused: the hub caches an agency's grant for at most one second.</summary>
    internal static Task<HubCtlRun> RunUntilRefusedAsync(Func<Task<HubCtlRun>> run) => RunUntilAsync(run, result => result.ExitCode != ExitCodes.Ok);

    internal static async Task<HubCtlRun> RunUntilAsync(Func<Task<HubCtlRun>> run, Func<HubCtlRun, bool> done)
    {
        var last = await run();
        for (var attempt = 0; attempt < 30 && !done(last); attempt++)
        {
            await Task.Delay(100);
            last = await run();
        }

        return last;
    }
}
