using System.Text.Json;
using CoordinationHub.Cli.Tests.Infrastructure;

namespace CoordinationHub.Cli.Tests.Commands.Admin;

/// <summary>A hub of its own: fresh, with no administrator until the test bootstraps one.</summary>
public sealed class BootstrapCommandTests(CliHubTestHost hub) : IClassFixture<CliHubTestHost>
{
    [Fact]
    public async Task Bootstrap_FreshHub_CreatesAnAdminWhoseCertificateRegistersAnAgency()
    {
        var directory = hub.NewDirectory();

        var bootstrap = await HubCtlRun.RunAsync(null, "admin", "bootstrap", "--connection", hub.ConnectionString,
            "--ca-cert", hub.CaCertificatePath, "--ca-key", hub.CaKeyPath, "--out", directory, "--officer", "operator-1", "-o", "json");
        using var json = JsonDocument.Parse(bootstrap.Output);
        var admin = new AgencyFiles("hub-admin", json.RootElement.GetProperty("certificatePath").GetString()!, json.RootElement.GetProperty("privateKeyPath").GetString()!);
        var register = await HubCtlRun.AsAsync(hub, admin, "admin", "agencies", "register", "interior-cid", "--name", "Interior, CID", "--kind", "interior", "--scope", "cases.read");

        Assert.True(bootstrap.ExitCode == ExitCodes.Ok, bootstrap.ToString());
        Assert.Equal("hub-admin", json.RootElement.GetProperty("agencyId").GetString());
        Assert.Equal(64, json.RootElement.GetProperty("thumbprintSha256").GetString()!.Length);
        Assert.Equal(Path.Combine(directory, "hub-admin.pem"), admin.CertificatePath);
        Assert.True(register.ExitCode == ExitCodes.Ok, register.ToString());
        Assert.Contains("interior-cid", register.Output, StringComparison.Ordinal);
    }
}
