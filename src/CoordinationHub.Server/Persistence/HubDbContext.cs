using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence.Configurations.Cases;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Persistence.Records.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Persistence;

/// <summary>The hub's system of record on PostgreSQL. Schemas: <c>trust</c>, <c>audit</c>, <c>cases</c> and <c>notifications</c>.</summary>
public sealed class HubDbContext(DbContextOptions<HubDbContext> options) : DbContext(options)
{
    public DbSet<AgencyRecord> Agencies => Set<AgencyRecord>();

    public DbSet<CertificateRecord> Certificates => Set<CertificateRecord>();

    public DbSet<SigningKeyRecord> SigningKeys => Set<SigningKeyRecord>();

    public DbSet<AuditRecord> AuditEntries => Set<AuditRecord>();

    public DbSet<AuditCheckpointRecord> AuditCheckpoints => Set<AuditCheckpointRecord>();

    public DbSet<CaseRecord> Cases => Set<CaseRecord>();

    public DbSet<CaseReportRecord> CaseReports => Set<CaseReportRecord>();

    public DbSet<DuplicateFlagRecord> DuplicateFlags => Set<DuplicateFlagRecord>();

    public DbSet<CaseEventRecord> CaseEvents => Set<CaseEventRecord>();

    public DbSet<ReferralRecord> Referrals => Set<ReferralRecord>();

    public DbSet<DisclosureGrantRecord> DisclosureGrants => Set<DisclosureGrantRecord>();
    public DbSet<IdentificationRecord> Identifications => Set<IdentificationRecord>();

    public DbSet<NotificationRecord> Notifications => Set<NotificationRecord>();

    public DbSet<NotificationHeadRecord> NotificationHeads => Set<NotificationHeadRecord>();

    public DbSet<NotificationProgressRecord> NotificationProgress => Set<NotificationProgressRecord>();

    /// <summary>
    /// Saves as usual; staged audit entries are first sealed into their hash chain, in the same
    /// transaction (its own, unless the caller already opened one), so callers keep writing
    /// <c>audit.Append(...)</c> then <c>SaveChangesAsync()</c>.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var pending = AuditChain.Pending(this);
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        }

        if (Database.CurrentTransaction is not null)
        {
            await AuditChain.SealAsync(this, pending, cancellationToken).ConfigureAwait(false);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await AuditChain.SealAsync(this, pending, cancellationToken).ConfigureAwait(false);
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return written;
    }

    /// <summary>Synchronous saves cannot seal audit entries (the lane lock is taken asynchronously): refused when any is staged.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        AuditChain.Pending(this).Count == 0
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : throw new InvalidOperationException("Audit entries are staged: save with SaveChangesAsync, which seals them into their chain.");

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.HasSequence<long>(CaseSchema.CaseNumberSequence, CaseSchema.Name);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HubDbContext).Assembly);
    }
}
