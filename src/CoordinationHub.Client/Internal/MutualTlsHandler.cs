using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CoordinationHub.Client.Internal;

/// <summary>
/// The HTTP/2 handler of the token client: the same client certificate and the same trusted roots
/// as the gRPC channel, because the hub binds the token to the certificate it saw on this request.
/// (The channel's own handler is internal to CoordinationHub.Rpc, which knows nothing of OAuth.)
/// </summary>
internal static class MutualTlsHandler
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    public static SocketsHttpHandler Create(X509Certificate2 clientCertificate, X509Certificate2Collection? trustedRoots)
    {
        var ssl = new SslClientAuthenticationOptions
        {
            ApplicationProtocols = [SslApplicationProtocol.Http2],
            // A context is presented whatever CA names the server asks for; a plain collection
            // would be filtered by them and the certificate silently left out.
            ClientCertificateContext = SslStreamCertificateContext.Create(clientCertificate, additionalCertificates: null, offline: true),
        };
        if (trustedRoots is not null)
        {
            var roots = new X509Certificate2Collection(trustedRoots);
            ssl.RemoteCertificateValidationCallback = (_, certificate, presented, errors) => ChainsToRoots(certificate, presented, errors, roots);
        }

        return new SocketsHttpHandler { SslOptions = ssl, AutomaticDecompression = DecompressionMethods.None, UseCookies = false };
    }

    private static bool ChainsToRoots(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        // Only chain errors are re-judged against our roots; a host name mismatch fails regardless.
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.ApplicationPolicy.Add(ServerAuthentication);
        // The hub's private CA publishes no CRL or OCSP endpoint; an online check would always fail.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            // Intermediates the hub sent; only CustomTrustStore can anchor the chain.
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(leaf);
    }
}
