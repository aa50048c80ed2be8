namespace CoordinationHub.Audit;

/// <summary>
/// One entry of the access log as it is hashed, exported and verified: what was done (the fields an
/// auditor reads) and where it sits (<see cref="Chain"/>, <see cref="Seq"/>, the hashes).
/// </summary>
public sealed record ChainedAuditEntry
{
    /// <summary>The chain (lane) the entry was appended to; chains are independent hash chains.</summary>
    public int Chain { get; init; }

    /// <summary>Position in its chain, from 1 without gaps.</summary>
    public long Seq { get; init; }

    /// <summary>When the hub recorded the event, UTC, at microsecond precision.</summary>
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>The calling agency; empty when the caller could not be identified.</summary>
    public string AgencyId { get; init; } = string.Empty;

    /// <summary>SHA-256 of the caller's certificate, lower-case hex.</summary>
    public string CertificateThumbprint { get; init; } = string.Empty;

    /// <summary>The acting officer the adapter named.</summary>
    public string Officer { get; init; } = string.Empty;

    /// <summary>The gRPC method, HTTP endpoint or tool action.</summary>
    public string Method { get; init; } = string.Empty;

    /// <summary>What was acted on, for example <c>agency:interior-cid</c>.</summary>
    public string Target { get; init; } = string.Empty;

    /// <summary>The hub case the event concerns, when it concerns one.</summary>
    public string CaseId { get; init; } = string.Empty;

    /// <summary>The purpose the caller named (<c>search</c>, <c>identification</c>, …).</summary>
    public string Purpose { get; init; } = string.Empty;

    /// <summary><c>allowed</c> or <c>denied</c>.</summary>
    public string Decision { get; init; } = string.Empty;

    /// <summary>The legal basis of a disclosure (consent reference, court order, statute).</summary>
    public string Basis { get; init; } = string.Empty;

    /// <summary>What happened, or why it was refused.</summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>Data categories disclosed, sorted ordinally.</summary>
    public IReadOnlyList<string> CategoriesDisclosed { get; init; } = [];

    /// <summary>Data categories asked for or held but withheld, sorted ordinally.</summary>
    public IReadOnlyList<string> CategoriesWithheld { get; init; } = [];

    /// <summary>The client's request id (idempotency key), when it sent one.</summary>
    public string RequestId { get; init; } = string.Empty;

    /// <summary>The transport's call id, to match the entry with the hub's logs.</summary>
    public string CallId { get; init; } = string.Empty;

    /// <summary>The hash of the previous entry of the chain; 32 zero bytes for seq 1.</summary>
    public ReadOnlyMemory<byte> PrevHash { get; init; }

    /// <summary>SHA-256 of the canonical encoding of this entry (<see cref="AuditEntryEncoding"/>).</summary>
    public ReadOnlyMemory<byte> Hash { get; init; }
}
