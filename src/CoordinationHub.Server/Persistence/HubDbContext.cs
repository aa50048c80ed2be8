using CoordinationHub.Server.Persistence.Records;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Persistence;

/// <summary>The hub's system of record on PostgreSQL. Schemas: <c>trust</c> and <c>audit</c>.</summary>
public sealed class HubDbContext(DbContextOptions<HubDbContext> options) : DbContext(options)
{
    public DbSet<AgencyRecord> Agencies => Set<AgencyRecord>();

    public DbSet<CertificateRecord> Certificates => Set<CertificateRecord>();

    public DbSet<SigningKeyRecord> SigningKeys => Set<SigningKeyRecord>();

    public DbSet<AuditRecord> AuditEntries => Set<AuditRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HubDbContext).Assembly);
}
