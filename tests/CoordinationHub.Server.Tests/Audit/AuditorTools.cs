using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Cli;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Server.Tests.Audit;

/// <summary>hubctl run in-process as an auditor of <paramref name="agency"/>, with its certificate and key written as PEM files.</summary>
internal sealed class AuditorTools(HubTestHost hub, TestAgency agency)
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("auditor-").FullName;

    public string Directory => _directory;

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var certificate = Path.Combine(_directory, "auditor.pem");
        var key = Path.Combine(_directory, "auditor.key");
        if (!File.Exists(certificate))
        {
            await File.WriteAllTextAsync(certificate, agency.Certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(key, agency.Certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, _ => null, isTerminal: false);
        var exitCode = await HubCtl.RunAsync(
            ["--hub", hub.Client.Address.ToString(), "--ca", hub.ClientCaPath, "--cert", certificate, "--key", key, .. args], console);
        return (exitCode, output.ToString(), error.ToString());
    }
}
