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
    /// A save of inserts and database-guarded updates runs as one batch in one implicit transaction,
    /// one round trip instead of two (<see cref="OneBatchSaves"/>); anything else in EF Core's own
    /// transaction as before.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using var save = PrepareSave();
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        using var save = PrepareSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.HasSequence<long>(CaseSchema.CaseNumberSequence, CaseSchema.Name);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HubDbContext).Assembly);
    }

    // What both overloads do before EF Core's save: the audit lane, the guarded versions, and, for
    // a save that qualifies as one batch, no EF Core transaction. Disposing puts the transaction
    // behaviour back and releases the lane.
    private SavePreparation PrepareSave()
    {
        var lane = AuditChain.AssignLane(this);
        try
        {
            DatabaseGuardedVersions.Stamp(this);
            var behavior = Database.AutoTransactionBehavior;
            var oneBatch = OneBatchSaves.Qualifies(this);
            if (oneBatch)
            {
                Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
            }

            return new SavePreparation(this, lane, oneBatch ? behavior : null);
        }
        catch
        {
            lane?.Dispose();
            throw;
        }
    }

    private sealed class SavePreparation(HubDbContext db, AuditLaneLease? lane, AutoTransactionBehavior? restore) : IDisposable
    {
        public void Dispose()
        {
            if (restore is { } behavior)
            {
                db.Database.AutoTransactionBehavior = behavior;
            }

            lane?.Dispose();
        }
    }
}
