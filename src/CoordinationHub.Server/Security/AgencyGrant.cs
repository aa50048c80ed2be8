using CoordinationHub.Domain.Trust;

namespace CoordinationHub.Server.Security;

/// <summary>
/// What the database says about one client certificate at one moment: the certificate's own state
/// and the agency it belongs to, with that agency's status and claims.
/// </summary>
public sealed record AgencyGrant
{
    public required string CertificateThumbprint { get; init; }

    public required bool CertificateRevoked { get; init; }

    public string CertificateRevocationReason { get; init; } = string.Empty;

    public required string AgencyId { get; init; }

    public required string Kind { get; init; }

    public required AgencyStatus Status { get; init; }

    public string StatusReason { get; init; } = string.Empty;

    public required IReadOnlySet<string> Scopes { get; init; }

    public required IReadOnlySet<string> DataCategories { get; init; }

    public required IReadOnlySet<string> Purposes { get; init; }
}
