namespace CoordinationHub.Server.Persistence.Records;

/// <summary>
/// One entry of the access log (table <c>audit.entries</c>), appended in the same transaction as
/// what it records. Never updated or deleted.
/// </summary>
public sealed class AuditRecord
{
    public const string Allowed = "allowed";
    public const string Denied = "denied";

    public long Id { get; set; }

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

    /// <summary><c>allowed</c> or <c>denied</c>.</summary>
    public required string Decision { get; set; }

    /// <summary>What happened, or why it was refused.</summary>
    public string Reason { get; set; } = string.Empty;

    public string RequestId { get; set; } = string.Empty;

    public string CallId { get; set; } = string.Empty;
}
