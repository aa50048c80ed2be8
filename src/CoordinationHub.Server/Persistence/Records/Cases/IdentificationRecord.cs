using CoordinationHub.Domain.Identifications;

namespace CoordinationHub.Server.Persistence.Records.Cases;

/// <summary>One reported match of remains or a living person against a case (table <c>cases.identifications</c>).</summary>
public sealed class IdentificationRecord
{
    public Guid IdentificationId { get; set; }

    public required string CaseId { get; set; }

    public required string ReportingAgencyId { get; set; }

    public required string Site { get; set; }

    public required string SampleReference { get; set; }

    /// <summary>The API enum name without prefix, for example <c>DNA_KINSHIP</c>.</summary>
    public required string Method { get; set; }

    public double LikelihoodRatio { get; set; }

    public double PosteriorProbability { get; set; }

    public int PointsCompared { get; set; }

    /// <summary>The API enum name without prefix: <c>DECEASED</c> or <c>LIVING</c>.</summary>
    public required string MatchedPerson { get; set; }

    public IdentificationState State { get; set; }

    public string ReviewingAgencyId { get; set; } = string.Empty;

    public string ReviewNote { get; set; } = string.Empty;

    public string FamilyInformedByAgencyId { get; set; } = string.Empty;

    public DateTimeOffset? FamilyInformedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The reporter's idempotency key, unique per reporting agency.</summary>
    public required string RequestId { get; set; }

    /// <summary>SHA-256 of the request's payload: a retry must carry the same.</summary>
    public required string RequestHash { get; set; }

    /// <summary>PostgreSQL's <c>xmin</c>: the etag and concurrency token.</summary>
    public uint Version { get; set; }
}
