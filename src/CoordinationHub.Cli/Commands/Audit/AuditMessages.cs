using CoordinationHub.Audit;
using CoordinationHub.Contracts.V1;

namespace CoordinationHub.Cli.Commands.Audit;

/// <summary>Export stream items as the evidence library's types, which write the export file and verify it.</summary>
internal static class AuditMessages
{
    public static ChainedAuditEntry ToChained(AuditLogEntry entry) => new()
    {
        Chain = entry.Chain,
        Seq = entry.Seq,
        OccurredAt = entry.OccurredAt.ToDateTimeOffset(),
        AgencyId = entry.AgencyId,
        CertificateThumbprint = entry.CertificateThumbprint,
        Officer = entry.Officer,
        Method = entry.Method,
        Target = entry.Target,
        CaseId = entry.CaseId,
        Purpose = entry.Purpose,
        Decision = entry.Decision,
        Basis = entry.Basis,
        Reason = entry.Reason,
        CategoriesDisclosed = [.. entry.CategoriesDisclosed],
        CategoriesWithheld = [.. entry.CategoriesWithheld],
        RequestId = entry.RequestId,
        CallId = entry.CallId,
        PrevHash = entry.PrevHash.ToByteArray(),
        Hash = entry.Hash.ToByteArray(),
    };

    public static AuditCheckpoint ToCheckpoint(AuditLogCheckpoint checkpoint) => new()
    {
        Chain = checkpoint.Chain,
        Seq = checkpoint.Seq,
        EntryHash = checkpoint.EntryHash.ToByteArray(),
        SignedAt = checkpoint.SignedAt.ToDateTimeOffset(),
        KeyId = checkpoint.KeyId,
        Signature = checkpoint.Signature.ToByteArray(),
    };
}
