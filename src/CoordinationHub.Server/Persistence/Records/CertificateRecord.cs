namespace CoordinationHub.Server.Persistence.Records;

/// <summary>A client certificate bound to an agency (table <c>trust.certificates</c>).</summary>
public sealed class CertificateRecord
{
    /// <summary>SHA-256 of the DER certificate, lower-case hex: how the hub recognises a connection.</summary>
    public required string ThumbprintSha256 { get; set; }

    public required string AgencyId { get; set; }

    public required string Subject { get; set; }

    public required string SerialNumber { get; set; }

    public DateTimeOffset NotBefore { get; set; }

    public DateTimeOffset NotAfter { get; set; }

    public bool Revoked { get; set; }

    public string RevocationReason { get; set; } = string.Empty;

    public DateTimeOffset? RevokedAt { get; set; }

    public required string CertificatePem { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public AgencyRecord? Agency { get; set; }
}
