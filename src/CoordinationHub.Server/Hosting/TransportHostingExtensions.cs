using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace CoordinationHub.Server.Hosting;

/// <summary>Kestrel set up as the hub's gRPC endpoint: HTTP/2 over TLS only.</summary>
public static class TransportHostingExtensions
{
    public static WebApplicationBuilder AddHubTransport(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<HubOptions>().BindConfiguration(HubOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<HubTlsOptions>()
            .BindConfiguration(HubTlsOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => File.Exists(o.CertificatePath), "Hub:Tls:CertificatePath does not name an existing PEM file.")
            .Validate(o => File.Exists(o.PrivateKeyPath), "Hub:Tls:PrivateKeyPath does not name an existing PEM file.")
            .ValidateOnStart();

        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            kestrel.AddServerHeader = false;
            var tls = kestrel.ApplicationServices.GetRequiredService<IOptions<HubTlsOptions>>().Value;
            void ConfigureEndpoint(ListenOptions listen)
            {
                // gRPC needs HTTP/2; TLS ALPN negotiates it with every mainstream client.
                listen.Protocols = HttpProtocols.Http2;
                listen.UseHttps(X509Certificate2.CreateFromPemFile(tls.CertificatePath, tls.PrivateKeyPath));
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
