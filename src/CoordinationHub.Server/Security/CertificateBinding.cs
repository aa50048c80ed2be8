using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace CoordinationHub.Server.Security;

/// <summary>RFC 8705 certificate binding: the <c>x5t#S256</c> value of a certificate.</summary>
public static class CertificateBinding
{
    /// <summary>base64url (no padding) of SHA-256 over the DER certificate.</summary>
    public static string ThumbprintOf(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Base64UrlEncoder.Encode(SHA256.HashData(certificate.RawData));
    }

    /// <summary>Compares in constant time, so the check does not reveal how much of a value matched.</summary>
    public static bool Matches(string? confirmation, X509Certificate2 certificate) =>
        confirmation is not null
        && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(confirmation),
            System.Text.Encoding.ASCII.GetBytes(ThumbprintOf(certificate)));
}
