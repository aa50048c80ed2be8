using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Server.Trust;

namespace CoordinationHub.Server.Tests.Trust;

public sealed class HubCertificateAuthorityTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hub-ca-tests-").FullName;

    [Fact]
    public void Issue_CaMadeSecondsAgo_BackDatesNoEarlierThanTheCa()
    {
        // certs-dev/generate.sh makes the dev CA right before a first demo bootstraps the admin.
        var caNotBefore = DateTimeOffset.UtcNow.AddSeconds(-10);
        using var authority = LoadCa(caNotBefore);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        using var issued = authority.Issue(new CertificateRequest("CN=x", key, HashAlgorithmName.SHA256), "fresh-agency", DateTimeOffset.UtcNow, 30);

        Assert.Equal(caNotBefore.UtcDateTime, issued.NotBefore.ToUniversalTime(), TimeSpan.FromSeconds(1));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private HubCertificateAuthority LoadCa(DateTimeOffset notBefore)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Fresh CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var ca = request.CreateSelfSigned(notBefore, notBefore.AddYears(1));
        var certificatePath = Path.Combine(_directory, "ca.pem");
        var keyPath = Path.Combine(_directory, "ca.key");
        File.WriteAllText(certificatePath, ca.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return HubCertificateAuthority.Load(certificatePath, keyPath);
    }
}
