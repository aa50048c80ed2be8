using CoordinationHub.Server.Hosting;
using CoordinationHub.Server.Security;
using CoordinationHub.Testing.Hub;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CoordinationHub.Server.Tests.Security;

/// <summary>A Production hub refuses the development CA; Development accepts it.</summary>
public sealed class HubTlsOptionsValidatorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hub-tls-options-").FullName;

    [Fact]
    public void Validate_DevCaInProduction_FailsNamingTheDevCa()
    {
        var options = OptionsWithCa(ClientCaFile.DevelopmentRootName);

        var result = new HubTlsOptionsValidator(new Environment(Environments.Production)).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("is the development CA", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("refuses to start", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DevCaInDevelopment_Succeeds()
    {
        var result = new HubTlsOptionsValidator(new Environment(Environments.Development)).Validate(null, OptionsWithCa(ClientCaFile.DevelopmentRootName));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_OwnCaInProduction_Succeeds()
    {
        var result = new HubTlsOptionsValidator(new Environment(Environments.Production)).Validate(null, OptionsWithCa("Ministry of Interior Hub CA"));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_MissingCaFile_Fails()
    {
        var options = OptionsWithCa("Any CA");
        options.ClientCaPath = Path.Combine(_directory, "missing.pem");

        var result = new HubTlsOptionsValidator(new Environment(Environments.Development)).Validate(null, options);

        Assert.Contains("Hub:Tls:ClientCaPath does not name an existing PEM file", result.FailureMessage, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private HubTlsOptions OptionsWithCa(string caName)
    {
        using var pki = new TestPki(caName);
        var placeholder = Path.Combine(_directory, "placeholder.pem");
        File.WriteAllText(placeholder, "not read by the validator");
        return new HubTlsOptions { CertificatePath = placeholder, PrivateKeyPath = placeholder, ClientCaPath = pki.WriteRootPem(_directory) };
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "CoordinationHub.Server";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
