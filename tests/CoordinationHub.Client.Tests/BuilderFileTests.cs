using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Client.Tests;

/// <summary>A connection built from the files an operator is handed: PEM certificate and key, PKCS#12, PEM roots.</summary>
public sealed class BuilderFileTests(HubTestHost hub) : IClassFixture<HubTestHost>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sdk-files-").FullName;

    [Fact]
    public async Task Build_PemCertificateKeyAndRoots_CallsAsTheAgencyOfTheCertificate()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("sdk-pem");
        var (certificate, key) = agency.WritePemFiles(_directory);
        using var connection = HubConnection.ForAddress(hub.Client.Address).WithClientCertificatePem(certificate, key).WithTrustedRootsPem(hub.ClientCaPath).Build();

        var info = await connection.HubInfo.GetHubInfoAsync(new GetHubInfoRequest());

        Assert.Equal(agency.AgencyId, connection.AgencyId);
        Assert.Contains("coordination.v1", info.ApiVersions);
    }

    [Fact]
    public async Task Build_Pkcs12WithPassword_CallsAsTheAgencyOfTheCertificate()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("sdk-p12");
        var path = Path.Combine(_directory, agency.AgencyId + ".p12");
        await File.WriteAllBytesAsync(path, agency.Certificate.Export(X509ContentType.Pkcs12, "s3cret"));
        using var connection = HubConnection.ForAddress(hub.Client.Address).WithClientCertificatePkcs12(path, "s3cret").WithTrustedRootsPem(hub.ClientCaPath).Build();

        var info = await connection.HubInfo.GetHubInfoAsync(new GetHubInfoRequest());

        Assert.Equal(agency.AgencyId, connection.AgencyId);
        Assert.Contains("coordination.v1", info.ApiVersions);
    }

    [Fact]
    public void Build_KeyFileMissing_FailsNamingTheFile()
    {
        var certificate = Path.Combine(_directory, "lab.pem");
        File.WriteAllText(certificate, hub.Pki.Root.ExportCertificatePem());
        var missing = Path.Combine(_directory, "missing.key");

        var error = Assert.Throws<ArgumentException>(() => HubConnection.ForAddress(hub.Client.Address).WithClientCertificatePem(certificate, missing).Build());

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WrongPkcs12Password_FailsNamingTheFile()
    {
        var path = Path.Combine(_directory, "wrong.p12");
        using var certificate = hub.Pki.IssueClient("sdk-wrong-password");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, "right"));

        var error = Assert.Throws<ArgumentException>(() => HubConnection.ForAddress(hub.Client.Address).WithClientCertificatePkcs12(path, "wrong").Build());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
