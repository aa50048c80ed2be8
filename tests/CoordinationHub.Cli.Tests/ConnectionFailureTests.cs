using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Cli.Tests.Infrastructure;

namespace CoordinationHub.Cli.Tests;

[Collection(HubTestGroup.Name)]
public sealed class ConnectionFailureTests(CliHubTestHost hub) : IDisposable
{
    private readonly string _tempDirectory = Directory.CreateTempSubdirectory("hubctl-tests-").FullName;

    [Fact]
    public async Task Info_NothingListening_ExitsFourSayingItCannotConnect()
    {
        var port = FreePort();

        var run = await HubCtlRun.RunAsync(null, ["info", "--hub", $"https://localhost:{port}", "--ca", hub.ClientCaPath, .. hub.Operator.Arguments]);

        Assert.True(run.ExitCode == ExitCodes.Unavailable, run.ToString());
        Assert.StartsWith($"UNAVAILABLE: cannot connect to https://localhost:{port}/", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("verify")]
    [InlineData("query")]
    public async Task Audit_NothingListening_ExitsFourSayingItCannotConnect(string command)
    {
        var port = FreePort();

        var run = await HubCtlRun.RunAsync(null, ["audit", command, "--hub", $"https://localhost:{port}", "--ca", hub.ClientCaPath, .. hub.Operator.Arguments]);

        Assert.True(run.ExitCode == ExitCodes.Unavailable, run.ToString());
        Assert.StartsWith($"UNAVAILABLE: cannot connect to https://localhost:{port}/", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_CaThatDidNotIssueTheHubCertificate_ExitsFourNamingTheTlsFailure()
    {
        var wrongCa = Path.Combine(_tempDirectory, "other-ca.pem");
        await File.WriteAllTextAsync(wrongCa, CreateSelfSignedCaPem());

        var run = await HubCtlRun.RunAsync(null, ["health", "--hub", hub.Address.ToString(), "--ca", wrongCa, .. hub.Operator.Arguments]);

        Assert.True(run.ExitCode == ExitCodes.Unavailable, run.ToString());
        Assert.StartsWith("UNAVAILABLE: TLS handshake with", run.Error, StringComparison.Ordinal);
        Assert.Contains("--ca", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_NoClientCertificate_ExitsFourNamingTheTlsFailure()
    {
        var run = await HubCtlRun.WithoutCertificateAsync(hub, "health");

        Assert.True(run.ExitCode == ExitCodes.Unavailable, run.ToString());
        Assert.StartsWith("UNAVAILABLE: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_CaFileMissing_ExitsOneWithoutCalling()
    {
        var missing = Path.Combine(_tempDirectory, "missing.pem");

        var run = await HubCtlRun.RunAsync(null, "info", "--hub", hub.Address.ToString(), "--ca", missing);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains(missing, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_KeyWithoutCertificate_ExitsOne()
    {
        var run = await HubCtlRun.WithoutCertificateAsync(hub, "info", "--key", hub.Operator.KeyPath);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("--key needs --cert", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_CertificateWithWrongKey_ExitsOneNamingTheFiles()
    {
        var run = await HubCtlRun.WithoutCertificateAsync(hub, "info", "--cert", hub.Operator.CertificatePath, "--key", hub.ServerKeyPath);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains(hub.Operator.CertificatePath, run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_tempDirectory, recursive: true);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string CreateSelfSignedCaPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Not the hub's CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return certificate.ExportCertificatePem();
    }
}
