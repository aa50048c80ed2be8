namespace CoordinationHub.Server.Persistence.Records.Cases;

/// <summary>Two cases that may be the same person (table <c>cases.duplicate_flags</c>), awaiting or after review.</summary>
public sealed class DuplicateFlagRecord
{
    public Guid FlagId { get; set; }

    /// <summary>The newer case, whose report raised the flag.</summary>
    public required string CaseId { get; set; }

    /// <summary>The existing case it resembles.</summary>
    public required string OtherCaseId { get; set; }

    public double Score { get; set; }

    public List<string> Reasons { get; set; } = [];

    /// <summary><c>OPEN</c>, <c>MERGED</c> or <c>DISMISSED</c>.</summary>
    public required string State { get; set; }

    public string ResolvedByAgencyId { get; set; } = string.Empty;

    public string ResolutionReason { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }
}
