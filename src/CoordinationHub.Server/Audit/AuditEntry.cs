namespace CoordinationHub.Server.Audit;

/// <summary>
/// What one audited event says: who (agency, certificate, officer), what (method, target), the
/// decision and why. The audit trail adds the time and the storage details.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>The gRPC method (<c>/coordination.v1.AgenciesService/SuspendAgency</c>) or an HTTP endpoint or tool action.</summary>
    public required string Method { get; init; }

    public required AuditDecision Decision { get; init; }

    /// <summary>The calling agency; empty when the caller could not be identified.</summary>
    public string AgencyId { get; init; } = string.Empty;

    /// <summary>SHA-256 of the caller's certificate, lower-case hex; empty when none was presented.</summary>
    public string CertificateThumbprint { get; init; } = string.Empty;

    /// <summary>The acting officer the adapter named.</summary>
    public string Officer { get; init; } = string.Empty;

    /// <summary>What was acted on, for example <c>agency:interior-cid</c>.</summary>
    public string Target { get; init; } = string.Empty;

    /// <summary>The hub case the event concerns, when it concerns one.</summary>
    public string CaseId { get; init; } = string.Empty;

    /// <summary>The purpose the caller named for the call (<c>search</c>, <c>identification</c>, …).</summary>
    public string Purpose { get; init; } = string.Empty;

    /// <summary>The legal basis of a disclosure decision: consent, court order or statute, with its reference.</summary>
    public string Basis { get; init; } = string.Empty;

    /// <summary>Data categories the response disclosed.</summary>
    public IReadOnlyList<string> CategoriesDisclosed { get; init; } = [];

    /// <summary>Data categories asked for or held but withheld by the disclosure policy.</summary>
    public IReadOnlyList<string> CategoriesWithheld { get; init; } = [];

    /// <summary>What happened, or why it was refused, in words an auditor can read.</summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>The client's idempotency key, when the request carried one.</summary>
    public string RequestId { get; init; } = string.Empty;

    /// <summary>The transport's call id, to match the entry with the hub's logs.</summary>
    public string CallId { get; init; } = string.Empty;
}
