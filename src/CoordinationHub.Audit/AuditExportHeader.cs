namespace CoordinationHub.Audit;

/// <summary>The export's first line: what was exported, from where, and which seq each chain starts at.</summary>
public sealed record AuditExportHeader
{
    public string Format { get; init; } = AuditExportFormat.Format;

    /// <summary>The hub that produced the export (its name), for the auditor's records only.</summary>
    public string Hub { get; init; } = string.Empty;

    public DateTimeOffset ExportedAt { get; init; }

    /// <summary>The seq every exported chain starts at; 1 for whole chains.</summary>
    public long FromSeq { get; init; } = 1;

    /// <summary>The key id of the checkpoint key the hub published when exporting.</summary>
    public string KeyId { get; init; } = string.Empty;
}
