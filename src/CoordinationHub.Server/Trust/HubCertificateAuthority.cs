using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CoordinationHub.Server.Trust;

/// <summary>
/// The hub's certificate authority: signs agencies' CSRs as client certificates and checks that
/// externally issued ones chain to the same anchor. Pure crypto, no storage.
/// </summary>
public sealed class HubCertificateAuthority : IDisposable
{
    /// <summary>The CA/Browser Forum's old ceiling; long enough for an agency's renewal cycle.</summary>
    public const int MaxValidityDays = 825;

    // Accepted agency keys: strong enough for the lifetime of a certificate and supported by every
    // TLS stack the adapters use.
    private const int MinimumRsaKeySize = 2048;

    // P-256 and P-384 by OID and by the friendly names the platforms report when the OID is absent.
    private static readonly HashSet<string> AcceptedCurves =
        new(["1.2.840.10045.3.1.7", "1.3.132.0.34", "nistP256", "nistP384", "ECDSA_P256", "ECDSA_P384", "secp256r1", "secp384r1"], StringComparer.Ordinal);

    private readonly X509Certificate2 _anchor;
    private readonly X509Certificate2? _signer;

    public HubCertificateAuthority(X509Certificate2 anchor, X509Certificate2? signer)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        if (signer is not null && !signer.HasPrivateKey)
        {
            throw new ArgumentException("The signing certificate has no private key.", nameof(signer));
        }

        _anchor = anchor;
        _signer = signer;
    }

    /// <summary>The CA certificate.</summary>
    public X509Certificate2 Anchor => _anchor;

    /// <summary>Whether this hub holds the CA key and can sign CSRs.</summary>
    public bool CanSign => _signer is not null;

    /// <summary>Loads the CA from PEM files; the key file may be empty (see <see cref="CertificateAuthorityOptions.PrivateKeyPath"/>).</summary>
    public static HubCertificateAuthority Load(string certificatePath, string privateKeyPath)
    {
        var anchor = X509CertificateLoader.LoadCertificateFromFile(certificatePath);
        var signer = string.IsNullOrEmpty(privateKeyPath) ? null : X509Certificate2.CreateFromPemFile(certificatePath, privateKeyPath);
        return new HubCertificateAuthority(anchor, signer);
    }

    /// <summary>
    /// Parses and checks a PKCS#10 request: valid PEM, a valid self-signature (proof the requester
    /// holds the key) and an acceptable key.
    /// </summary>
    /// <exception cref="CertificateRequestRejectedException">Why the request cannot be signed.</exception>
    public static CertificateRequest ParseSigningRequest(string csrPem)
    {
        CertificateRequest request;
        try
        {
            request = CertificateRequest.LoadSigningRequestPem(csrPem, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.Default);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new CertificateRequestRejectedException($"csr_pem is not a valid PKCS#10 certificate signing request ({e.Message.TrimEnd('.')}).", e);
        }

        CheckKey(request.PublicKey);
        return request;
    }

    /// <summary>Issues a client certificate for <paramref name="agencyId"/> over the key of a checked request.</summary>
    public X509Certificate2 Issue(CertificateRequest request, string agencyId, DateTimeOffset now, int validityDays)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_signer is null)
        {
            throw new InvalidOperationException("This hub has no CA key configured and cannot sign certificates.");
        }

        // The hub decides the subject and the extensions; the CSR only contributes its key. An agency
        // must not be able to ask for a CA certificate or a server certificate.
        var issued = new CertificateRequest(
            new X500DistinguishedName($"CN={agencyId}, O=CoordinationHub agency"),
            request.PublicKey,
            HashAlgorithmName.SHA256);
        issued.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        issued.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        issued.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2", "Client Authentication")], false));
        issued.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(issued.PublicKey, false));
        issued.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_signer, true, false));

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // positive, as RFC 5280 requires
        // Back-dated a few minutes so an adapter whose clock runs slightly behind can use it at once,
        // but never before the CA itself: a CA made minutes ago (a fresh dev or test CA) cannot sign that.
        var notBefore = Max(now.AddMinutes(-5), _signer.NotBefore);
        var notAfter = Min(now.AddDays(validityDays), _signer.NotAfter);
        return issued.Create(_signer, notBefore, notAfter, serial);
    }

    /// <summary>Checks that an externally issued certificate is usable as an agency's client certificate.</summary>
    /// <exception cref="CertificateRequestRejectedException">Why it is refused.</exception>
    public void CheckExternal(X509Certificate2 certificate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (certificate.NotAfter <= now)
        {
            throw new CertificateRequestRejectedException($"certificate_pem expired on {certificate.NotAfter:O}.");
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_anchor);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        if (!chain.Build(certificate))
        {
            var reasons = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());
            throw new CertificateRequestRejectedException($"certificate_pem does not chain to the hub's trust anchor ({reasons}).");
        }

        foreach (var extension in certificate.Extensions)
        {
            if (extension is X509BasicConstraintsExtension { CertificateAuthority: true })
            {
                throw new CertificateRequestRejectedException("certificate_pem is a CA certificate; enroll the agency's client certificate.");
            }
        }

        CheckKey(certificate.PublicKey);
    }

    public void Dispose()
    {
        _anchor.Dispose();
        _signer?.Dispose();
    }

    private static void CheckKey(PublicKey key)
    {
        using var rsa = key.GetRSAPublicKey();
        if (rsa is not null)
        {
            if (rsa.KeySize < MinimumRsaKeySize)
            {
                throw new CertificateRequestRejectedException($"RSA keys must have at least {MinimumRsaKeySize} bits; this one has {rsa.KeySize}.");
            }

            return;
        }

        using var ecdsa = key.GetECDsaPublicKey();
        if (ecdsa is not null)
        {
            var curve = ecdsa.ExportParameters(false).Curve.Oid;
            if (!AcceptedCurves.Contains(curve.Value ?? string.Empty) && !AcceptedCurves.Contains(curve.FriendlyName ?? string.Empty))
            {
                throw new CertificateRequestRejectedException("ECDSA keys must be on P-256 or P-384.");
            }

            return;
        }

        throw new CertificateRequestRejectedException("Only RSA (2048 bits or more) and ECDSA P-256/P-384 keys are accepted.");
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTime b) => a.UtcDateTime >= b.ToUniversalTime() ? a : new DateTimeOffset(b.ToUniversalTime());

    private static DateTimeOffset Min(DateTimeOffset a, DateTime b) => a.UtcDateTime <= b.ToUniversalTime() ? a : new DateTimeOffset(b.ToUniversalTime());
}
