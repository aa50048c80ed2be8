using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace CoordinationHub.Server.Tokens;

/// <summary>
/// One ES256 key of the store, loaded: the private half signs, the public half verifies and is
/// published in the JWKS. Instances live as long as the process knows the key and are never
/// disposed while a validation might still use them.
/// </summary>
public sealed class SigningKey
{
    [SuppressMessage("Reliability", "CA2000", Justification = "The verification key owns its ECDsa for the process's lifetime; see the class summary.")]
    private SigningKey(string keyId, ECDsa privateKey, DateTimeOffset createdAt, DateTimeOffset retiresAt, DateTimeOffset expiresAt)
    {
        KeyId = keyId;
        PublicParameters = privateKey.ExportParameters(includePrivateParameters: false);
        Signing = new ECDsaSecurityKey(privateKey) { KeyId = keyId };
        Verification = new ECDsaSecurityKey(ECDsa.Create(PublicParameters)) { KeyId = keyId };
        CreatedAt = createdAt;
        RetiresAt = retiresAt;
        ExpiresAt = expiresAt;
    }

    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;

    public string KeyId { get; }

    public ECDsaSecurityKey Signing { get; }

    public ECDsaSecurityKey Verification { get; }

    public ECParameters PublicParameters { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>From this instant the key no longer signs.</summary>
    public DateTimeOffset RetiresAt { get; }

    /// <summary>From this instant the key no longer verifies: every token it signed has expired.</summary>
    public DateTimeOffset ExpiresAt { get; }

    public bool SignsAt(DateTimeOffset instant) => CreatedAt <= instant && instant < RetiresAt;

    public bool VerifiesAt(DateTimeOffset instant) => instant < ExpiresAt;

    /// <summary>Loads a stored key (PKCS#8).</summary>
    [SuppressMessage("Reliability", "CA2000", Justification = "The signing key owns its ECDsa for the process's lifetime; see the class summary.")]
    public static SigningKey FromPkcs8(string keyId, byte[] pkcs8, DateTimeOffset createdAt, DateTimeOffset retiresAt, DateTimeOffset expiresAt)
    {
        var privateKey = ECDsa.Create();
        privateKey.ImportPkcs8PrivateKey(pkcs8, out _);
        return new SigningKey(keyId, privateKey, createdAt, retiresAt, expiresAt);
    }

    /// <summary>The RFC 7638 thumbprint of a P-256 public key, base64url: a key id every party can recompute.</summary>
    public static string KeyIdOf(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var publicOnly = ECDsa.Create(key.ExportParameters(includePrivateParameters: false));
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(publicOnly));
        return Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint());
    }
}
