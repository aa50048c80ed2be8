using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Rpc.Client;

namespace CoordinationHub.Client.Internal;

/// <summary>
/// The HTTP/2 handler of the token client: the same client certificate and the same trusted roots
/// as the gRPC channel, because the hub binds the token to the certificate it saw on this request.
/// (The channel's own handler is internal to CoordinationHub.Rpc, which knows nothing of OAuth;
/// the server-certificate check is shared.)
/// </summary>
internal static class MutualTlsHandler
{
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
            ssl.RemoteCertificateValidationCallback = (_, certificate, presented, errors) =>
                ServerCertificateValidation.ChainsToTrustedRoot(certificate, presented, errors, roots);
        }

        return new SocketsHttpHandler { SslOptions = ssl, AutomaticDecompression = DecompressionMethods.None, UseCookies = false };
    }
}
