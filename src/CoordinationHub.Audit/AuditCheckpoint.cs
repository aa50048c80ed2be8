namespace CoordinationHub.Audit;

/// <summary>
/// The hub's signed statement that entry <see cref="Seq"/> of <see cref="Chain"/> had hash
/// <see cref="EntryHash"/> at <see cref="SignedAt"/>. Whoever can rewrite the database cannot
/// forge it: the key is not in the database (docs/adr/0006-tamper-evident-audit-log.md).
/// </summary>
public sealed record AuditCheckpoint
{
    public int Chain { get; init; }

    public long Seq { get; init; }

    /// <summary>The hash of the entry at <see cref="Seq"/>, which commits to every entry before it.</summary>
    public ReadOnlyMemory<byte> EntryHash { get; init; }

    /// <summary>When the hub signed, UTC, at microsecond precision.</summary>
    public DateTimeOffset SignedAt { get; init; }

    /// <summary>Lower-case hex SHA-256 of the signing key's SubjectPublicKeyInfo (<see cref="CheckpointSignature.KeyIdOf"/>).</summary>
    public string KeyId { get; init; } = string.Empty;

    /// <summary>ECDSA P-256 over SHA-256 of <see cref="CheckpointSignature.Payload"/>, IEEE P1363 (r ‖ s, 64 bytes).</summary>
    public ReadOnlyMemory<byte> Signature { get; init; }
}
