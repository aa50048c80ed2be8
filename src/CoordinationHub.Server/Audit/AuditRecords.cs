using CoordinationHub.Audit;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records;

namespace CoordinationHub.Server.Audit;

/// <summary>Between the seam's <see cref="AuditEntry"/>, the stored <see cref="AuditRecord"/> and the evidence format.</summary>
public static class AuditRecords
{
    /// <summary>
    /// A record ready to be added to a context; the context puts it on a lane when it saves
    /// (<see cref="AuditChain"/>) and the database gives it its position in that lane's chain. Categories are sorted so the hash does not depend on the caller's order.
    /// </summary>
    public static AuditRecord ToRecord(AuditEntry entry, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new AuditRecord
        {
            OccurredAt = DatabaseClock.Now(time),
            AgencyId = entry.AgencyId,
            CertificateThumbprint = entry.CertificateThumbprint,
            Officer = entry.Officer,
            Method = entry.Method,
            Target = entry.Target,
            CaseId = entry.CaseId,
            Purpose = entry.Purpose,
            Decision = entry.Decision == AuditDecision.Allowed ? AuditRecord.Allowed : AuditRecord.Denied,
            Basis = entry.Basis,
            Reason = entry.Reason,
            CategoriesDisclosed = [.. entry.CategoriesDisclosed.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            CategoriesWithheld = [.. entry.CategoriesWithheld.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            RequestId = entry.RequestId,
            CallId = entry.CallId,
        };
    }

    /// <summary>The record as the evidence format sees it, for hashing, export and verification.</summary>
    public static ChainedAuditEntry ToChained(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new ChainedAuditEntry
        {
            Chain = record.Chain,
            Seq = record.Seq,
            OccurredAt = record.OccurredAt,
            AgencyId = record.AgencyId,
            CertificateThumbprint = record.CertificateThumbprint,
            Officer = record.Officer,
            Method = record.Method,
            Target = record.Target,
            CaseId = record.CaseId,
            Purpose = record.Purpose,
            Decision = record.Decision,
            Basis = record.Basis,
            Reason = record.Reason,
            CategoriesDisclosed = record.CategoriesDisclosed,
            CategoriesWithheld = record.CategoriesWithheld,
            RequestId = record.RequestId,
            CallId = record.CallId,
            PrevHash = record.PrevHash,
            Hash = record.Hash,
        };
    }

    public static AuditCheckpoint ToCheckpoint(AuditCheckpointRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new AuditCheckpoint
        {
            Chain = record.Chain,
            Seq = record.Seq,
            EntryHash = record.EntryHash,
            SignedAt = record.SignedAt,
            KeyId = record.KeyId,
            Signature = record.Signature,
        };
    }
}
