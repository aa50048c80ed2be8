using CoordinationHub.Server.Audit;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CoordinationHub.Server.Persistence;

/// <summary>
/// Carries the replica's <see cref="AuditChainOwnership"/> in the options of its contexts, so a
/// pooled <see cref="HubDbContext"/> (built from options alone) can seal on the chains the replica
/// owns. Contexts without it (hubctl, tests that open the database directly) use the
/// database-sealed lanes only. It adds no EF Core services, so every hub shares one internal
/// service provider.
/// </summary>
internal sealed class AuditSealingOptionsExtension(AuditChainOwnership ownership) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public AuditChainOwnership Ownership { get; } = ownership;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "AuditSealing ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["AuditSealing"] = "1";
    }
}
