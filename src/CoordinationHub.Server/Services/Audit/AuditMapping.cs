using CoordinationHub.Audit;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Server.Persistence.Records;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using ContractEntry = CoordinationHub.Contracts.V1.AuditLogEntry;
using ContractCheckpoint = CoordinationHub.Contracts.V1.AuditLogCheckpoint;
using ContractProblem = CoordinationHub.Contracts.V1.AuditChainProblem;

namespace CoordinationHub.Server.Services.Audit;

/// <summary>Stored audit rows and verifier results as <c>coordination.v1</c> messages.</summary>
internal static class AuditMapping
{
    public static ContractEntry ToMessage(AuditRecord record) => new()
    {
        Chain = record.Chain,
        Seq = record.Seq,
        OccurredAt = Timestamp.FromDateTimeOffset(record.OccurredAt),
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
        CategoriesDisclosed = { record.CategoriesDisclosed },
        CategoriesWithheld = { record.CategoriesWithheld },
        RequestId = record.RequestId,
        CallId = record.CallId,
        PrevHash = ByteString.CopyFrom(record.PrevHash),
        Hash = ByteString.CopyFrom(record.Hash),
    };

    public static ContractCheckpoint ToMessage(AuditCheckpointRecord record) => new()
    {
        Chain = record.Chain,
        Seq = record.Seq,
        EntryHash = ByteString.CopyFrom(record.EntryHash),
        SignedAt = Timestamp.FromDateTimeOffset(record.SignedAt),
        KeyId = record.KeyId,
        Signature = ByteString.CopyFrom(record.Signature),
    };

    public static VerifyRangeResponse ToMessage(AuditVerificationResult result)
    {
        var response = new VerifyRangeResponse
        {
            Valid = result.Succeeded,
            EntriesVerified = result.EntriesVerified,
            CheckpointsVerified = result.CheckpointsVerified,
        };
        response.Chains.AddRange(result.Chains.Select(c => new VerifiedChain
        {
            Chain = c.Chain, FirstSeq = c.FirstSeq, LastSeq = c.LastSeq, Entries = c.Entries, LastCheckpointSeq = c.LastCheckpointSeq,
        }));
        response.Problems.AddRange(result.Problems.Take(100).Select(p => new ContractProblem
        {
            Chain = p.Chain, Seq = p.Seq, Kind = p.Kind.ToString(), Detail = p.Detail,
        }));
        return response;
    }
}
