namespace CoordinationHub.Server.Persistence.Records;

/// <summary>
/// One entry of the access log (table <c>audit.entries</c>), appended in the same transaction as
/// what it records and sealed into its chain as it is saved (<c>AuditChain</c>). Never updated or
/// deleted: the hash chain makes any edit, deletion or insertion visible to a verifier.
/// </summary>
public sealed class AuditRecord
{
    public const string Allowed = "allowed";
    public const string Denied = "denied";

    /// <summary>Storage order only; an entry's identity in the evidence is (<see cref="Chain"/>, <see cref="Seq"/>).</summary>
    public long Id { get; set; }

    /// <summary>The lane (hash chain) the entry was appended to.</summary>
    public int Chain { get; set; }

    /// <summary>Position in the chain, from 1 without gaps.</summary>
    public long Seq { get; set; }

    /// <summary>The hash of entry <see cref="Seq"/> - 1 of the chain; 32 zero bytes for the first.</summary>
    public byte[] PrevHash { get; set; } = [];

    /// <summary>SHA-256 of the canonical encoding (CoordinationHub.Audit.AuditEntryEncoding).</summary>
    public byte[] Hash { get; set; } = [];

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The calling agency; empty when the caller could not be identified.</summary>
    public string AgencyId { get; set; } = string.Empty;

    public string CertificateThumbprint { get; set; } = string.Empty;

    /// <summary>The acting officer the adapter named.</summary>
    public string Officer { get; set; } = string.Empty;

    /// <summary>The gRPC method, or an HTTP endpoint such as <c>/connect/token</c>.</summary>
    public required string Method { get; set; }

    /// <summary>What was acted on, for example <c>agency:interior-cid</c>.</summary>
    public string Target { get; set; } = string.Empty;

    /// <summary>The hub case concerned, when there is one (also inside <see cref="Target"/> for older callers).</summary>
    public string CaseId { get; set; } = string.Empty;

    /// <summary>The purpose the caller named.</summary>
    public string Purpose { get; set; } = string.Empty;

    /// <summary><c>allowed</c> or <c>denied</c>.</summary>
    public required string Decision { get; set; }

    /// <summary>The legal basis of a disclosure: consent, court order or statute, with its reference.</summary>
    public string Basis { get; set; } = string.Empty;

    /// <summary>What happened, or why it was refused.</summary>
    public string Reason { get; set; } = string.Empty;

    /// <summary>Data categories disclosed, sorted ordinally.</summary>
    public List<string> CategoriesDisclosed { get; set; } = [];

    /// <summary>Data categories withheld, sorted ordinally.</summary>
    public List<string> CategoriesWithheld { get; set; } = [];

    public string RequestId { get; set; } = string.Empty;

    public string CallId { get; set; } = string.Empty;
}
