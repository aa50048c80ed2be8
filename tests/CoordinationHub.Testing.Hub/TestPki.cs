using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CoordinationHub.Testing.Hub;

/// <summary>
/// A certificate authority made in the test run (ECDSA P-256, like certs-dev), issuing the hub's
/// server certificate and agencies' client certificates. Nothing comes from disk.
/// </summary>
public sealed class TestPki : IDisposable
{
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    private readonly ECDsa _caKey;

    public TestPki(string commonName = "CoordinationHub Test Root CA")
    {
        _caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}, O=CoordinationHub Tests", _caKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Root = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddYears(5));
    }

    public X509Certificate2 Root { get; }

    public X509Certificate2 IssueServer() => Issue("CN=localhost", ServerAuthentication, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1), server: true);

    /// <summary>A client certificate for an agency adapter; <paramref name="notAfter"/> in the past makes an expired one.</summary>
    public X509Certificate2 IssueClient(string name, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null) =>
        Issue($"CN={name}, O=CoordinationHub Tests", ClientAuthentication, notBefore ?? DateTimeOffset.UtcNow.AddMinutes(-5), notAfter ?? DateTimeOffset.UtcNow.AddDays(1), server: false);

    /// <summary>Writes the root as PEM, the way an operator configures Hub:Tls:ClientCaPath.</summary>
    public string WriteRootPem(string directory)
    {
        var path = Path.Combine(directory, $"ca-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, Root.ExportCertificatePem());
        return path;
    }

    /// <summary>Writes the root and its private key as PEM, the way an operator configures Hub:CertificateAuthority.</summary>
    public (string CertificatePath, string KeyPath) WriteRootWithKeyPem(string directory)
    {
        var certificatePath = Path.Combine(directory, "hub-ca.pem");
        var keyPath = Path.Combine(directory, "hub-ca.key");
        File.WriteAllText(certificatePath, Root.ExportCertificatePem());
        File.WriteAllText(keyPath, _caKey.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    public void Dispose()
    {
        Root.Dispose();
        _caKey.Dispose();
    }

    private X509Certificate2 Issue(string subject, string usage, DateTimeOffset notBefore, DateTimeOffset notAfter, bool server)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var signed = request.Create(Root, notBefore, notAfter, serial);
        using var withKey = signed.CopyWithPrivateKey(key);
        // A PKCS#12 round trip gives a key every TLS stack accepts, not only an ephemeral one.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), password: null);
    }
}
