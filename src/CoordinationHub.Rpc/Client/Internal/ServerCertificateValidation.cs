using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CoordinationHub.Rpc.Client.Internal;

/// <summary>Validates a server certificate against the channel's own roots instead of the system store.</summary>
internal static class ServerCertificateValidation
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    public static bool ChainsToTrustedRoot(
        X509Certificate? certificate, X509Chain? presentedChain, SslPolicyErrors errors, X509Certificate2Collection trustedRoots)
    {
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
