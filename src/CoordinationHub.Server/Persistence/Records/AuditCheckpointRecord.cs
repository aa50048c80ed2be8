namespace CoordinationHub.Server.Persistence.Records;

/// <summary>A signed checkpoint of one chain (table <c>audit.checkpoints</c>); see CoordinationHub.Audit.CheckpointSignature.</summary>
public sealed class AuditCheckpointRecord
{
    public long Id { get; set; }

    public int Chain { get; set; }

    public long Seq { get; set; }

    public byte[] EntryHash { get; set; } = [];

    public DateTimeOffset SignedAt { get; set; }

    public string KeyId { get; set; } = string.Empty;

    public byte[] Signature { get; set; } = [];
}
