using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace CoordinationHub.Rpc.Client.Internal;

/// <summary>Builds the HTTP/2 transport of a channel: TLS with ALPN h2 for https, prior-knowledge h2c for http.</summary>
internal static class ClientHandlerFactory
{
    public static SocketsHttpHandler Create(Uri address, RpcChannelOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = options.EnableMultipleHttp2Connections,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        };
        if (options.KeepAlivePingDelay is { } delay)
        {
            handler.KeepAlivePingDelay = delay;
            handler.KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests;
        }

        if (address.Scheme == Uri.UriSchemeHttps)
        {
            handler.SslOptions = CreateSslOptions(options);
        }

        return handler;
    }

    private static SslClientAuthenticationOptions CreateSslOptions(RpcChannelOptions options)
    {
        var ssl = new SslClientAuthenticationOptions
        {
            ApplicationProtocols = [SslApplicationProtocol.Http2],
        };
        if (options.ClientCertificate is { } certificate)
        {
            // A certificate context is presented whatever CA names the server asks for; a plain
            // certificate collection would be filtered by them and silently left out.
            ssl.ClientCertificateContext = SslStreamCertificateContext.Create(certificate, additionalCertificates: null, offline: true);
        }

        if (options.TrustedRoots is { } roots)
        {
            var trusted = new X509Certificate2Collection(roots);
            ssl.RemoteCertificateValidationCallback = (_, serverCertificate, chain, errors) =>
                ServerCertificateValidation.ChainsToTrustedRoot(serverCertificate, chain, errors, trusted);
        }

        return ssl;
    }
}
