namespace CoordinationHub.Server.Persistence.Records.Cases;

/// <summary>One agency's report attached to a case (table <c>cases.reports</c>); reports are never removed, even by a merge.</summary>
public sealed class CaseReportRecord
{
    public long Id { get; set; }

    public required string CaseId { get; set; }

    public required string AgencyId { get; set; }

    /// <summary>The agency's own reference for the case.</summary>
    public string LocalReference { get; set; } = string.Empty;

    public DateTimeOffset ReportedAt { get; set; }

    /// <summary>The client's idempotency key; unique per agency.</summary>
    public required string RequestId { get; set; }

    /// <summary>SHA-256 of the request without its key: the same key with another payload is refused.</summary>
    public required string RequestHash { get; set; }

    /// <summary>Whether this report created the case (its answer to a retry must say so again).</summary>
    public bool CreatedCase { get; set; }

    /// <summary>The case the report was first filed on, before any merge moved it.</summary>
    public required string OriginalCaseId { get; set; }

    public CaseRecord? Case { get; set; }
}
