using CoordinationHub.Rpc.Server;
using CoordinationHub.Server.Services.Audit;
using Microsoft.Extensions.Options;

namespace CoordinationHub.Server.Audit;

/// <summary>The access log's checkpoint key and signer, the Audit service and the published key.</summary>
public static class AuditHostingExtensions
{
    public static IServiceCollection AddHubAudit(this IServiceCollection services)
    {
        services.AddOptions<HubAuditOptions>().BindConfiguration(HubAuditOptions.Section).ValidateDataAnnotations()
            .Validate(o => File.Exists(o.CheckpointKeyPath), "Hub:Audit:CheckpointKeyPath does not name an existing PEM file (certs-dev/generate.sh makes a development key).")
            .Validate(o => o.PreviousPublicKeyPaths.All(File.Exists), "Hub:Audit:PreviousPublicKeyPaths names a file that does not exist.")
            .ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<HubAuditOptions>>().Value;
            return AuditCheckpointKey.Load(options.CheckpointKeyPath, options.PreviousPublicKeyPaths);
        });
        services.AddHostedService<AuditCheckpointService>();

        // One instance: the context factory reads its slot, the host runs it (it takes no slot when Hub:Audit:SealOnOwnedChains is off).
        services.AddSingleton<AuditChainOwnership>();
        services.AddHostedService(provider => provider.GetRequiredService<AuditChainOwnership>());

        return services;
    }

    public static WebApplication MapHubAuditServices(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapRpcService<AuditService>();

        // Public on purpose (behind the TLS handshake like everything else): verifiers need it.
        app.MapGet(AuditCheckpointKey.PublicKeyPath, (AuditCheckpointKey key) => Results.Text(key.PublicKeyPem, "application/x-pem-file"));
        app.MapGet(AuditCheckpointKey.TrustedKeysPath, (AuditCheckpointKey key) => Results.Text(key.TrustedKeysPem, "application/x-pem-file"));
        return app;
    }
}
