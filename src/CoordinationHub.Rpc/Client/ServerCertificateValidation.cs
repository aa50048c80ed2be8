using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CoordinationHub.Rpc.Client;

/// <summary>
/// Validates a server certificate against the channel's own roots instead of the system store.
/// Public so that other HTTP clients talking to the same server (the adapter SDK's token client)
/// judge its certificate exactly as the gRPC channel does.
/// </summary>
public static class ServerCertificateValidation
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    /// <summary>
    /// A <see cref="RemoteCertificateValidationCallback"/> body: true when the only problems the
    /// platform found are chain errors and the certificate chains, for server authentication, to
    /// one of <paramref name="trustedRoots"/> (with the intermediates the server presented).
    /// </summary>
    /// <param name="certificate">The certificate the server presented.</param>
    /// <param name="presentedChain">The chain the platform built, whose elements serve as intermediates.</param>
    /// <param name="errors">What the platform's own validation found.</param>
    /// <param name="trustedRoots">The only roots the certificate may chain to.</param>
    public static bool ChainsToTrustedRoot(
        X509Certificate? certificate, X509Chain? presentedChain, SslPolicyErrors errors, X509Certificate2Collection trustedRoots)
    {
        ArgumentNullException.ThrowIfNull(trustedRoots);
        if (certificate is null)
        {
            return false;
        }

        // Only chain errors are re-judged here; a host name mismatch fails whatever the roots are.
        if ((errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        if (certificate is X509Certificate2 certificate2)
        {
            return Build(certificate2, presentedChain, trustedRoots);
        }

        using var copy = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return Build(copy, presentedChain, trustedRoots);
    }

    private static bool Build(X509Certificate2 leaf, X509Chain? presentedChain, X509Certificate2Collection trustedRoots)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trustedRoots);
        chain.ChainPolicy.ApplicationPolicy.Add(ServerAuthentication);
        // Private CAs of the hub publish no CRL or OCSP endpoint; an online check would always fail.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presentedChain is not null)
        {
            // The intermediates the server sent; only CustomTrustStore can anchor the chain.
            foreach (var element in presentedChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(leaf);
    }
}
