using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CoordinationHub.Server.Tests.Agencies;

/// <summary>Keys, CSRs and certificates made inside a test, as an agency's operator would make them.</summary>
internal static class CertificateMaterial
{
    public static string NewCsrPem(string subject = "CN=adapter") => NewCsrPem(ECDsa.Create(ECCurve.NamedCurves.nistP256), subject);

    public static string NewCsrPem(ECDsa key, string subject = "CN=adapter")
    {
        using (key)
        {
            return new CertificateRequest(subject, key, HashAlgorithmName.SHA256).CreateSigningRequestPem();
        }
    }

    public static string NewRsaCsrPem(int bits)
    {
        using var key = RSA.Create(bits);
        return new CertificateRequest("CN=weak", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSigningRequestPem();
    }

    /// <summary>A client certificate from a CA the hub has never seen.</summary>
    public static string ForeignCertificatePem()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Foreign Root", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest("CN=foreign-agency", leafKey, HashAlgorithmName.SHA256);
        using var leaf = leafRequest.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), [1, 2, 3, 4]);
        return leaf.ExportCertificatePem();
    }

    public static string Thumbprint(string pem)
    {
        using var certificate = X509Certificate2.CreateFromPem(pem);
        return Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));
    }
}
