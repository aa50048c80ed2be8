using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Server.Security;
using CoordinationHub.Server.Trust;

namespace CoordinationHub.Server.Services.Agencies;

/// <summary>A certificate about to be bound to an agency: one the hub CA just signed, or a checked external one.</summary>
internal sealed class CertificateToEnroll : IDisposable
{
    private readonly X509Certificate2 _certificate;

    private CertificateToEnroll(X509Certificate2 certificate, bool isIssuedByHub)
    {
        _certificate = certificate;
        IsIssuedByHub = isIssuedByHub;
    }

    public bool IsIssuedByHub { get; }

    public static CertificateToEnroll Issued(X509Certificate2 certificate) => new(certificate, isIssuedByHub: true);

    /// <exception cref="CertificateRequestRejectedException">The PEM is not a usable certificate of the hub's anchor.</exception>
    public static CertificateToEnroll External(string pem, HubCertificateAuthority authority, DateTimeOffset now)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException e)
        {
            throw new CertificateRequestRejectedException($"certificate_pem is not a PEM X.509 certificate ({e.Message.TrimEnd('.')}).", e);
        }

        try
        {
            authority.CheckExternal(certificate, now);
        }
        catch
        {
            certificate.Dispose();
            throw;
        }

        return new CertificateToEnroll(certificate, isIssuedByHub: false);
    }

    public CertificateRecord ToRecord(string agencyId, DateTimeOffset now) => RecordFor(_certificate, agencyId, now);

    /// <summary>The stored form of a certificate bound to <paramref name="agencyId"/>.</summary>
    public static CertificateRecord RecordFor(X509Certificate2 certificate, string agencyId, DateTimeOffset now) => new()
    {
        ThumbprintSha256 = CertificateThumbprints.Of(certificate),
        AgencyId = agencyId,
        Subject = certificate.Subject,
        SerialNumber = certificate.SerialNumber.ToLowerInvariant(),
        NotBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime()),
        NotAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime()),
        CertificatePem = certificate.ExportCertificatePem(),
        CreatedAt = now,
    };

    public void Dispose() => _certificate.Dispose();
}
