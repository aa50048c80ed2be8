namespace CoordinationHub.Server.Security;

/// <summary>
/// Who is calling, as established by the authentication interceptor for this call: the agency
/// behind the certificate and the token, its current claims, and the acting officer.
/// Services read it through <see cref="CallerContextExtensions.GetCaller"/>.
/// </summary>
public sealed record AuthenticatedAgency
{
    public required string AgencyId { get; init; }

    /// <summary>SHA-256 of the connection's client certificate, lower-case hex.</summary>
    public required string CertificateThumbprint { get; init; }

    /// <summary>The acting officer the adapter named (metadata <c>x-officer-id</c>); empty when none.</summary>
    public string Officer { get; init; } = string.Empty;

    /// <summary>Agency kind, the proto enum name without prefix (for example <c>FORENSIC_LABORATORY</c>).</summary>
    public string Kind { get; init; } = string.Empty;

    public required IReadOnlySet<string> Scopes { get; init; }

    public required IReadOnlySet<string> DataCategories { get; init; }

    public required IReadOnlySet<string> Purposes { get; init; }
}
