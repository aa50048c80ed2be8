using CoordinationHub.Cli.Tests.Infrastructure;

namespace CoordinationHub.Cli.Tests.Commands;

[Collection(HubTestGroup.Name)]
public sealed class TokenCommandTests(CliHubTestHost hub)
{
    [Fact]
    public async Task Token_RegisteredAgency_PrintsATokenTheHubAcceptsOnThatCertificate()
    {
        var run = await HubCtlRun.AgainstAsync(hub, "token");
        var token = run.Output.Trim();
        var agency = hub.Operator;
        using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(agency.CertificatePath, agency.KeyPath);
        using var channel = hub.Client.OpenChannel(certificate);

        var info = await Testing.Hub.HubClient.GetHubInfoAsync(channel, token);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal(3, token.Split('.').Length);
        Assert.Contains("coordination.v1", info.ApiVersions);
    }
}
