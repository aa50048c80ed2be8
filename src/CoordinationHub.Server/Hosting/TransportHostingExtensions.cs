using System.Net;
using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Server.Security;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoordinationHub.Server.Hosting;

/// <summary>
/// Kestrel set up as the hub's gRPC endpoint: HTTP/2 over mutual TLS only. A client without a
/// certificate from the hub CA never gets past the handshake.
/// </summary>
public static class TransportHostingExtensions
{
    public static WebApplicationBuilder AddHubTransport(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<HubOptions>().BindConfiguration(HubOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<HubTlsOptions>()
            .BindConfiguration(HubTlsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<HubTlsOptions>, HubTlsOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ClientCertificateTrust>();

        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            kestrel.AddServerHeader = false;
            var tls = kestrel.ApplicationServices.GetRequiredService<IOptions<HubTlsOptions>>().Value;
            var clientTrust = kestrel.ApplicationServices.GetRequiredService<ClientCertificateTrust>();
            void ConfigureEndpoint(ListenOptions listen)
            {
                // gRPC needs HTTP/2; TLS ALPN negotiates it with every mainstream client.
                listen.Protocols = HttpProtocols.Http2;
                listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificate = X509Certificate2.CreateFromPemFile(tls.CertificatePath, tls.PrivateKeyPath),
                    ClientCertificateMode = ClientCertificateMode.RequireCertificate,
                    // The hub CA alone decides, never the system store; no CRL/OCSP fetch (the
                    // database holds revocations).
                    CheckCertificateRevocation = false,
                    ClientCertificateValidation = (certificate, chain, _) => clientTrust.IsIssuedByHubCa(certificate, chain),
                });
            }

            switch (tls.Bind)
            {
                case "localhost":
                    kestrel.ListenLocalhost(tls.Port, ConfigureEndpoint);
                    break;
                case "*":
                    kestrel.ListenAnyIP(tls.Port, ConfigureEndpoint);
                    break;
                default:
                    kestrel.Listen(IPAddress.Parse(tls.Bind), tls.Port, ConfigureEndpoint);
                    break;
            }
        });
        return builder;
    }
}
