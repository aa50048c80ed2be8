namespace CoordinationHub.Server.Persistence.Records.Cases;

/// <summary>One thing that happened to a case (table <c>cases.events</c>): its history, append-only.</summary>
public sealed class CaseEventRecord
{
    public long Id { get; set; }

    public required string CaseId { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public required string AgencyId { get; set; }

    public required string Description { get; set; }

    public List<string> Categories { get; set; } = [];
}
