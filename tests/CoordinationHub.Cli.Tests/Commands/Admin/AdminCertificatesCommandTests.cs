using System.Text.Json;
using CoordinationHub.Cli.Tests.Infrastructure;

namespace CoordinationHub.Cli.Tests.Commands.Admin;

[Collection(HubTestGroup.Name)]
public sealed class AdminCertificatesCommandTests(CliHubTestHost hub)
{
    [Fact]
    public async Task Enroll_NewKeyOut_WritesACertificateTheHubAccepts()
    {
        var admin = await hub.AdminAsync();
        var agency = await hub.RegisterAsync("enrolled-by-hubctl", []);
        var directory = hub.NewDirectory();

        var enroll = await HubCtlRun.AsAsync(hub, admin, "admin", "certificates", "enroll", agency.AgencyId, "--new-key-out", directory, "-o", "json");
        var files = new AgencyFiles(agency.AgencyId, Path.Combine(directory, agency.AgencyId + ".pem"), Path.Combine(directory, agency.AgencyId + ".key"));
        var info = await HubCtlRun.AsAsync(hub, files, "info");

        Assert.True(enroll.ExitCode == ExitCodes.Ok, enroll.ToString());
        using var json = JsonDocument.Parse(enroll.Output);
        Assert.Equal(files.CertificatePath, json.RootElement.GetProperty("certificatePath").GetString());
        Assert.Equal(files.KeyPath, json.RootElement.GetProperty("privateKeyPath").GetString());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(files.KeyPath));
        }

        Assert.True(info.ExitCode == ExitCodes.Ok, info.ToString());
    }

    [Fact]
    public async Task Enroll_KeyFileAlreadyThere_ExitsOneAndKeepsIt()
    {
        var admin = await hub.AdminAsync();
        var agency = await hub.RegisterAsync("enroll-existing", []);
        var directory = hub.NewDirectory();
        var key = Path.Combine(directory, agency.AgencyId + ".key");
        await File.WriteAllTextAsync(key, "keep me");

        var run = await HubCtlRun.AsAsync(hub, admin, "admin", "certificates", "enroll", agency.AgencyId, "--new-key-out", directory);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Equal("keep me", await File.ReadAllTextAsync(key));
    }

    [Fact]
    public async Task Enroll_TwoSources_ExitsOne()
    {
        var run = await HubCtlRun.AgainstAsync(hub, "admin", "certificates", "enroll", "some-agency", "--csr", "a.csr", "--certificate", "b.pem");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("exactly one", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_ListedCertificate_ListShowsItRevokedAndItsInfoCallFails()
    {
        var admin = await hub.AdminAsync();
        var agency = await hub.RegisterAsync("revoked-by-hubctl", []);
        var listed = await HubCtlRun.AsAsync(hub, admin, "admin", "certificates", "list", agency.AgencyId, "-o", "json");
        using var before = JsonDocument.Parse(listed.Output);
        var thumbprint = Assert.Single(before.RootElement.EnumerateArray()).GetProperty("thumbprintSha256").GetString()!;

        var revoke = await HubCtlRun.AsAsync(hub, admin, "admin", "certificates", "revoke", thumbprint, "--reason", "key lost");
        var after = await HubCtlRun.AsAsync(hub, admin, "admin", "certificates", "list", agency.AgencyId);
        var info = await AdminAgenciesCommandTests.RunUntilRefusedAsync(() => HubCtlRun.AsAsync(hub, agency, "info"));

        Assert.True(revoke.ExitCode == ExitCodes.Ok, revoke.ToString());
        Assert.Contains("revoked", after.Output, StringComparison.Ordinal);
        Assert.True(info.ExitCode == ExitCodes.RpcError, info.ToString());
        Assert.StartsWith("UNAUTHENTICATED: ", info.Error, StringComparison.Ordinal);
    }
}
