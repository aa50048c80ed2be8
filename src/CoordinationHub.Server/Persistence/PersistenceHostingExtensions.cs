using CoordinationHub.Server.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoordinationHub.Server.Persistence;

/// <summary>PostgreSQL through EF Core: the context, its factory and the audit trail.</summary>
public static class PersistenceHostingExtensions
{
    public static IServiceCollection AddHubPersistence(this IServiceCollection services)
    {
        services.AddOptions<HubDatabaseOptions>().BindConfiguration(HubDatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Pooled: a call rents a context and returns it reset instead of building one per call
        // (docs/benchmarks.md, referral creation).
        // HubDbContext is scoped (one per call); the factory itself serves work that must commit on
        // its own, such as denials and background jobs.
        services.AddPooledDbContextFactory<HubDbContext>((provider, options) =>
            HubDatabase.Configure(options, provider.GetRequiredService<IOptions<HubDatabaseOptions>>().Value.ConnectionString, provider.GetService<AuditChainOwnership>()));
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<HubDbContext>>().CreateDbContext());
        services.AddScoped<IAuditTrail, DatabaseAuditTrail>();
        return services;
    }

    /// <summary>Applies pending migrations unless <see cref="HubDatabaseOptions.MigrateOnStart"/> is off.</summary>
    public static async Task MigrateHubDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Services.GetRequiredService<IOptions<HubDatabaseOptions>>().Value.MigrateOnStart)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await HubDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<HubDbContext>(), app.Lifetime.ApplicationStopping).ConfigureAwait(false);
    }
}
