using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Domain.Trust;

namespace CoordinationHub.Server.Security;

/// <summary>
/// The certificate half of authentication, shared by the token endpoint and every gRPC call: the
/// connection's certificate must be current, registered, not revoked, and its agency active.
/// </summary>
public sealed class AgencyAdmission(AgencyDirectory directory, TimeProvider time)
{
    /// <summary>Admits the certificate's agency, or says why not.</summary>
    public async Task<AdmissionResult> AdmitAsync(X509Certificate2? certificate, CancellationToken cancellationToken)
    {
        if (certificate is null)
        {
            return AdmissionResult.Refused(string.Empty, AccessRefusal.Unauthenticated("a client certificate from the hub CA is required"));
        }

        var thumbprint = CertificateThumbprints.Of(certificate);
        var now = time.GetUtcNow();
        if (now > certificate.NotAfter.ToUniversalTime())
        {
            return AdmissionResult.Refused(thumbprint, AccessRefusal.Unauthenticated(
                $"client certificate {thumbprint} expired at {Format(certificate.NotAfter)}"));
        }

        if (now < certificate.NotBefore.ToUniversalTime())
        {
            return AdmissionResult.Refused(thumbprint, AccessRefusal.Unauthenticated(
                $"client certificate {thumbprint} is not valid before {Format(certificate.NotBefore)}"));
        }

        var grant = await directory.FindAsync(thumbprint, cancellationToken).ConfigureAwait(false);
        if (grant is null)
        {
            return AdmissionResult.Refused(thumbprint, AccessRefusal.Unauthenticated($"certificate {thumbprint} is not registered to any agency"));
        }

        if (grant.CertificateRevoked)
        {
            return AdmissionResult.Refused(thumbprint, AccessRefusal.Unauthenticated(
                WithReason($"certificate {thumbprint} is revoked", grant.CertificateRevocationReason), grant.AgencyId));
        }

        return grant.Status switch
        {
            AgencyStatus.Active => AdmissionResult.Admitted(thumbprint, grant),
            AgencyStatus.Suspended => AdmissionResult.Refused(thumbprint, AccessRefusal.PermissionDenied(
                WithReason($"agency {grant.AgencyId} is suspended", grant.StatusReason), grant.AgencyId)),
            _ => AdmissionResult.Refused(thumbprint, AccessRefusal.PermissionDenied(
                WithReason($"agency {grant.AgencyId} is revoked", grant.StatusReason), grant.AgencyId)),
        };
    }

    private static string WithReason(string message, string reason) => string.IsNullOrEmpty(reason) ? message : $"{message}: {reason}";

    private static string Format(DateTime instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
