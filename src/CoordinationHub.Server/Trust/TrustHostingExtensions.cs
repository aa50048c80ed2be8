using CoordinationHub.Rpc.Server;
using CoordinationHub.Server.Services.Agencies;
using Microsoft.Extensions.Options;

namespace CoordinationHub.Server.Trust;

/// <summary>The agency registry and the hub CA behind it.</summary>
public static class TrustHostingExtensions
{
    public static IServiceCollection AddHubTrust(this IServiceCollection services)
    {
        services.AddOptions<CertificateAuthorityOptions>()
            .BindConfiguration(CertificateAuthorityOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => File.Exists(o.CertificatePath), "Hub:CertificateAuthority:CertificatePath does not name an existing PEM file.")
            .Validate(o => o.PrivateKeyPath.Length == 0 || File.Exists(o.PrivateKeyPath), "Hub:CertificateAuthority:PrivateKeyPath names no existing file (leave it empty when the hub must not sign CSRs).")
            .ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<CertificateAuthorityOptions>>().Value;
            return HubCertificateAuthority.Load(options.CertificatePath, options.PrivateKeyPath);
        });
        return services;
    }

    public static WebApplication MapHubTrustServices(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapRpcService<AgenciesService>();
        return app;
    }
}
