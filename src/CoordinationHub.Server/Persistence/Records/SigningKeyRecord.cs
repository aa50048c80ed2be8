namespace CoordinationHub.Server.Persistence.Records;

/// <summary>
/// A token signing key (table <c>trust.signing_keys</c>). Stored in the database so every replica
/// signs and verifies with the same keys; production deployments should protect the table as
/// they protect the CA key (see docs/operations.md).
/// </summary>
public sealed class SigningKeyRecord
{
    public required string KeyId { get; set; }

    /// <summary>JWS algorithm, <c>ES256</c>.</summary>
    public required string Algorithm { get; set; }

    /// <summary>PKCS#8 private key.</summary>
    public required byte[] PrivateKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>After this the key no longer signs; it still verifies until <see cref="ExpiresAt"/>.</summary>
    public DateTimeOffset RetiresAt { get; set; }

    /// <summary>After this the key is no longer published: every token it signed has expired.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
