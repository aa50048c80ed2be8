using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Server.Security;
using CoordinationHub.Server.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoordinationHub.Server.Tests.Infrastructure;

/// <summary>Tokens the hub did not issue the normal way: expired, foreign-signed, tampered.</summary>
public static class TestTokens
{
    /// <summary>A token shaped like the hub's, bound to <paramref name="certificate"/>, signed with <paramref name="key"/>.</summary>
    public static string Mint(SecurityKey key, string agencyId, X509Certificate2 certificate, DateTimeOffset issuedAt, TimeSpan lifetime, string issuer = "https://hub.test")
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = TokenClaimNames.AccessTokenType,
            Issuer = issuer,
            Audience = "coordination-hub",
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = (issuedAt + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
            Claims = new Dictionary<string, object>
            {
                [TokenClaimNames.ClientId] = agencyId,
                [TokenClaimNames.AgencyId] = agencyId,
                [TokenClaimNames.Scope] = "cases.read",
                [TokenClaimNames.Confirmation] = new Dictionary<string, object> { [TokenClaimNames.CertificateThumbprintConfirmation] = CertificateBinding.ThumbprintOf(certificate) },
            },
        });
    }

    /// <summary>A fresh P-256 key the hub has never seen, with a key id of its own.</summary>
    public static ECDsaSecurityKey ForeignKey() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "foreign-key" };

    /// <summary>The token with its scope widened in the payload: the signature no longer matches.</summary>
    public static string Tamper(string token)
    {
        var parts = token.Split('.');
        // An escalation attempt: the caller grants itself agencies.admin in the signed payload.
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"scope\":\"", "\"scope\":\"agencies.admin ", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }
}
