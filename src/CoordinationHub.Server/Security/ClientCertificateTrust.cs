using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Server.Hosting;
using Microsoft.Extensions.Options;

namespace CoordinationHub.Server.Security;

/// <summary>
/// Decides at the TLS handshake whether a client certificate was issued by the hub CA
/// (<see cref="HubTlsOptions.ClientCaPath"/>). Whether it belongs to an active agency is decided
/// per call, against the database (<see cref="AgencyDirectory"/>).
/// </summary>
public sealed class ClientCertificateTrust
{
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    private readonly X509Certificate2Collection _roots;
    private readonly TimeProvider _time;

    public ClientCertificateTrust(IOptions<HubTlsOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _roots = ClientCaFile.Load(options.Value.ClientCaPath);
        _time = time;
    }

    /// <summary>
    /// True when <paramref name="certificate"/> chains to a hub CA root and is meant for client
    /// authentication. The leaf's own validity period is not judged here: an expired but otherwise
    /// genuine certificate is let through the handshake so that the call can be refused with a
    /// message naming the expiry, instead of an opaque TLS alert (checked per call by
    /// <see cref="AgencyAuthenticationInterceptor"/> and the token endpoint).
    /// </summary>
    public bool IsIssuedByHubCa(X509Certificate2 certificate, X509Chain? presentedChain)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_roots);
        chain.ChainPolicy.ApplicationPolicy.Add(ClientAuthentication);
        // The hub CA publishes no CRL or OCSP responder; revocation is the database's job.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        chain.ChainPolicy.VerificationTime = _time.GetUtcNow().UtcDateTime;
        if (presentedChain is not null)
        {
            foreach (var element in presentedChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        if (!chain.Build(certificate))
        {
            return false;
        }

        // Time validity was ignored for the whole chain; the issuers (intermediates, root) must
        // still be current, or an expired CA would keep admitting clients.
        var now = _time.GetUtcNow();
        for (var i = 1; i < chain.ChainElements.Count; i++)
        {
            var issuer = chain.ChainElements[i].Certificate;
            if (now < issuer.NotBefore.ToUniversalTime() || now > issuer.NotAfter.ToUniversalTime())
            {
                return false;
            }
        }

        return true;
    }
}
