using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CoordinationHub.Server.Security;

/// <summary>How the hub names a certificate: SHA-256 over its DER encoding, lower-case hex (as in <c>cnf.x5t#S256</c>, but hex).</summary>
public static class CertificateThumbprints
{
    public static string Of(X509Certificate2? certificate) =>
        certificate is null ? string.Empty : Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));
}
