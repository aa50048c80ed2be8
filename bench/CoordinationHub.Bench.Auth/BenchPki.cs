using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CoordinationHub.Bench.Auth;

/// <summary>A throwaway CA with a localhost server certificate and one agency client certificate.</summary>
public sealed class BenchPki
{
    private readonly ECDsa _caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public BenchPki()
    {
        var request = new CertificateRequest("CN=Bench Root CA", _caKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        Root = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        Server = Issue("CN=localhost", "1.3.6.1.5.5.7.3.1", server: true);
        Client = Issue("CN=bench-agency", "1.3.6.1.5.5.7.3.2", server: false);
    }

    public X509Certificate2 Root { get; }

    public X509Certificate2 Server { get; }

    public X509Certificate2 Client { get; }

    /// <summary>Another agency client certificate, for benchmarks with many agencies.</summary>
    public X509Certificate2 IssueClient(string agencyId) => Issue("CN=" + agencyId, "1.3.6.1.5.5.7.3.2", server: false);

    /// <summary>Writes ca.pem, server.pem and server.key into <paramref name="directory"/>.</summary>
    public (string Ca, string Certificate, string Key) Write(string directory)
    {
        var paths = (Path.Combine(directory, "ca.pem"), Path.Combine(directory, "server.pem"), Path.Combine(directory, "server.key"));
        File.WriteAllText(paths.Item1, Root.ExportCertificatePem());
        File.WriteAllText(paths.Item2, Server.ExportCertificatePem());
        File.WriteAllText(paths.Item3, Server.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        return paths;
    }

    private X509Certificate2 Issue(string subject, string usage, bool server)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        using var signed = request.Create(Root, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), RandomNumberGenerator.GetBytes(16));
        using var withKey = signed.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
