using CoordinationHub.Domain.Trust;

namespace CoordinationHub.Server.Persistence.Records;

/// <summary>A trusted agency and its claims (table <c>trust.agencies</c>).</summary>
public sealed class AgencyRecord
{
    public required string AgencyId { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>The proto enum name without prefix, for example <c>FORENSIC_LABORATORY</c>.</summary>
    public required string Kind { get; set; }

    public AgencyStatus Status { get; set; } = AgencyStatus.Active;

    public string StatusReason { get; set; } = string.Empty;

    public List<string> Scopes { get; set; } = [];

    public List<string> DataCategories { get; set; } = [];

    public List<string> Purposes { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL's <c>xmin</c>: changes on every update, so it serves as etag and concurrency token.</summary>
    public uint Version { get; set; }

    public List<CertificateRecord> Certificates { get; set; } = [];
}
