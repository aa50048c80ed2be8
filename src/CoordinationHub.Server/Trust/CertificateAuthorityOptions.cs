using System.ComponentModel.DataAnnotations;

namespace CoordinationHub.Server.Trust;

/// <summary>The hub CA that signs agencies' certificates (section <c>Hub:CertificateAuthority</c>).</summary>
public sealed class CertificateAuthorityOptions
{
    public const string Section = "Hub:CertificateAuthority";

    /// <summary>PEM of the CA certificate: the trust anchor every agency certificate must chain to.</summary>
    [Required(ErrorMessage = "Hub:CertificateAuthority:CertificatePath is required.")]
    public string CertificatePath { get; set; } = string.Empty;

    /// <summary>
    /// PEM of the CA private key. Optional: without it the hub still registers externally issued
    /// certificates but refuses to sign CSRs (FAILED_PRECONDITION), for deployments whose CA lives
    /// in an HSM or another institution.
    /// </summary>
    public string PrivateKeyPath { get; set; } = string.Empty;
}
