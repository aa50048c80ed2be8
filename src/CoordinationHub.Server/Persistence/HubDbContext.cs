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
    /// Saves as usual, after putting staged audit entries on their lane (leased for the save's duration); PostgreSQL seals them into
    /// the lane's hash chain as they are inserted, in the same transaction as the change they record
    /// (<see cref="AuditChain"/>), so callers keep writing <c>audit.Append(...)</c> then <c>SaveChangesAsync()</c>.
    /// A save of inserts only runs as one batch in one implicit transaction, one round trip instead
    /// of two (<see cref="OneBatchSaves"/>); anything else in EF Core's own transaction as before.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using var lane = AuditChain.AssignLane(this);
        DatabaseGuardedVersions.Stamp(this);
        if (!OneBatchSaves.AreInsertsOnly(this))
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        }

        var behavior = Database.AutoTransactionBehavior;
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Database.AutoTransactionBehavior = behavior;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        using var lane = AuditChain.AssignLane(this);
        DatabaseGuardedVersions.Stamp(this);
        if (!OneBatchSaves.AreInsertsOnly(this))
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        var behavior = Database.AutoTransactionBehavior;
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            Database.AutoTransactionBehavior = behavior;
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.HasSequence<long>(CaseSchema.CaseNumberSequence, CaseSchema.Name);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HubDbContext).Assembly);
    }
}
