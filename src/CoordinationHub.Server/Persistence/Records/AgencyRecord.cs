using CoordinationHub.Domain.Trust;

namespace CoordinationHub.Server.Persistence.Records;

/// <summary>A trusted agency and its claims (table <c>trust.agencies</c>).</summary>
public sealed class AgencyRecord : IDatabaseGuardedVersion
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

    /// <summary>
    /// PostgreSQL's <c>xmin</c>: changes on every update, so it serves as etag and concurrency token.
    /// The database enforces it (<see cref="ExpectedVersion"/>), not a WHERE clause.
    /// </summary>
    public uint Version { get; set; }

    /// <summary>
    /// The <see cref="Version"/> the writer read, sent with every UPDATE (HubDbContext stamps it).
    /// The trigger <c>trust.agency_version_guard</c> raises serialization_failure unless it is still
    /// the row's xmin, and stores NULL: a lost race is an error that aborts the whole batch, so an
    /// update and its audit entry can commit in one round trip (ADR 0018).
    /// </summary>
    public uint? ExpectedVersion { get; set; }

    public List<CertificateRecord> Certificates { get; set; } = [];
}
