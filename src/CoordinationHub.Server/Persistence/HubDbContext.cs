using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence.Configurations.Cases;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Persistence.Records.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

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

    private List<AuditRecord>? _stagedAuditEntries;
    private List<AuditRecord>? _auditInsertsToAppend;
    private bool? _appendsAuditInserts;
    private AuditSealingOptionsExtension? _sealing;
    private bool _sealingLookedUp;

    /// <summary>
    /// Saves as usual, after putting staged audit entries on a chain (held for the save's duration):
    /// sealed here on a chain this replica owns, or by PostgreSQL on a database-sealed lane as they
    /// are inserted, in the same transaction as the change they record either way
    /// (<see cref="AuditChain"/>), so callers keep writing <c>audit.Append(...)</c> then <c>SaveChangesAsync()</c>.
    /// A save of inserts and database-guarded updates runs as one batch in one implicit transaction,
    /// one round trip instead of two (<see cref="OneBatchSaves"/>); anything else in EF Core's own
    /// transaction as before. Entries that accompany a change travel as plain INSERTs at the end of
    /// the save's first command (<see cref="AuditInsertsInSaveBatch"/>), not through EF Core's
    /// update pipeline; the count returned includes them.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using var save = PrepareSave();
        return save.Completed(await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false));
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        using var save = PrepareSave();
        return save.Completed(base.SaveChanges(acceptAllChangesOnSuccess));
    }

    /// <summary>
    /// Stages an audit entry for the next save without EF Core's change tracker, which would
    /// snapshot, watch and then detach it for nothing: a save that changes something sends it as a
    /// plain INSERT (<see cref="AuditInsertsInSaveBatch"/>), and a save of entries alone tracks it
    /// then. <see cref="DiscardChanges"/> drops it with everything else pending.
    /// </summary>
    internal void StageAuditEntry(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        (_stagedAuditEntries ??= []).Add(record);
    }

    /// <summary>
    /// Forgets every pending change and staged audit entry, for a refused or lost operation whose
    /// work must not be saved with what comes next. Use it instead of <c>ChangeTracker.Clear()</c>,
    /// which cannot see the staged entries (banned in this project for that reason).
    /// </summary>
    public void DiscardChanges()
    {
        _stagedAuditEntries = null;
#pragma warning disable RS0030 // The one place allowed to clear the tracker: it discards the staged entries too.
        ChangeTracker.Clear();
#pragma warning restore RS0030
    }

    /// <summary>The staged audit entries, now the caller's to write (or to give back); null when there are none.</summary>
    internal List<AuditRecord>? TakeStagedAuditEntries()
    {
        var staged = _stagedAuditEntries;
        _stagedAuditEntries = null;
        return staged is { Count: > 0 } ? staged : null;
    }

    /// <summary>Entries taken by a write that failed: pending again, ahead of any staged since.</summary>
    internal void RestoreStagedAuditEntries(List<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (_stagedAuditEntries is { } later)
        {
            records.AddRange(later);
        }

        _stagedAuditEntries = records;
    }

    // A pooled context goes back to the pool here; nothing staged by one call may reach the next.
    public override void Dispose()
    {
        _stagedAuditEntries = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        _stagedAuditEntries = null;
        return base.DisposeAsync();
    }

    /// <summary>The chains this replica seals on now (docs/adr/0021); null for a context without a sealer, or while the replica owns no slot.</summary>
    internal OwnedAuditChains? OwnedAuditChains
    {
        get
        {
            if (!_sealingLookedUp)
            {
                _sealing = this.GetService<IDbContextOptions>().FindExtension<AuditSealingOptionsExtension>();
                _sealingLookedUp = true;
            }

            return _sealing?.Ownership.Current;
        }
    }

    /// <summary>The audit entries the running save appends to its first command; null once taken, or when there are none.</summary>
    internal List<AuditRecord>? TakeAuditInsertsToAppend()
    {
        var records = _auditInsertsToAppend;
        _auditInsertsToAppend = null;
        return records;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.HasSequence<long>(CaseSchema.CaseNumberSequence, CaseSchema.Name);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HubDbContext).Assembly);
    }

    // What both overloads do before EF Core's save: detect changes once, gather the staged and
    // tracked audit entries and place them on a chain, stamp the guarded versions, drop EF Core's
    // transaction for a save that qualifies as one batch, and hand the audit entries that ride
    // along with a change to AuditInsertsInSaveBatch. Disposing puts everything back; after a
    // failed save the entries are pending again, as EF Core leaves any change it did not write,
    // and a hub-sealed chain forgets its head (the outcome is unknown).
    private SavePreparation PrepareSave()
    {
        // The walks below and EF Core's save would each detect changes again; nothing changes the
        // entities in between but the stamps, which mark their columns modified themselves.
        ChangeTracker.DetectChanges();
        var preparation = new SavePreparation(this);
        try
        {
            var staged = preparation.Staged = TakeStagedAuditEntries();
            var audit = AddedAuditEntries(out var otherChanges);

            if (staged is not null && !(otherChanges && AppendsAuditInserts))
            {
                // EF Core writes entries that come with no change: tracked from here on, and pending
                // in the tracker after a failed save, like any change it could not write.
                foreach (var record in staged)
                {
                    (audit ??= []).Add(AuditEntries.Add(record));
                }

                staged = preparation.Staged = null;
            }

            var records = audit?.ConvertAll(e => (AuditRecord)e.Entity);
            if (staged is not null)
            {
                (records ??= []).AddRange(staged);
            }

            // Only a save that ends its own transaction knows, when it returns, whether its entries committed.
            var noCallersTransaction = Database.CurrentTransaction is null && System.Transactions.Transaction.Current is null;
            preparation.Placement = records is null ? null : AuditChain.Place(records, OwnedAuditChains, commitsWithSave: noCallersTransaction);
            DatabaseGuardedVersions.Stamp(this);
            var oneBatch = OneBatchSaves.Qualifies(this, untrackedInserts: staged?.Count ?? 0);
            if (oneBatch)
            {
                preparation.Behave(AutoTransactionBehavior.Never);
            }

            if (records is not null && otherChanges && AppendsAuditInserts)
            {
                // Every command of the save must share one transaction with the appended entries:
                // the single batch's implicit one, the caller's, or EF Core's, which it would skip
                // for one remaining statement (a lost race on an xmin-guarded update must take
                // its entry with it).
                if (!oneBatch && noCallersTransaction)
                {
                    preparation.Behave(AutoTransactionBehavior.Always);
                }

                foreach (var entry in audit ?? [])
                {
                    entry.State = EntityState.Detached;
                }

                preparation.Detached = audit;
                preparation.Appended = records;
                _auditInsertsToAppend = records;
            }

            return preparation;
        }
        catch
        {
            preparation.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The audit entries the change tracker holds as added (null when none), and whether it holds
    /// any other change: what a save or a read batch (<see cref="StagedAuditInserts"/>) must write
    /// besides the staged entries.
    /// </summary>
    internal List<EntityEntry>? AddedAuditEntries(out bool otherChanges)
    {
        List<EntityEntry>? audit = null;
        otherChanges = false;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (entry.State == EntityState.Added && entry.Entity is AuditRecord)
            {
                (audit ??= []).Add(entry);
            }
            else
            {
                otherChanges = true;
            }
        }

        return audit;
    }

    // Contexts built without the interceptor (none in the hub: HubDatabase.Configure adds it) keep
    // writing entries through EF Core.
    private bool AppendsAuditInserts => _appendsAuditInserts ??=
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.Contains(AuditInsertsInSaveBatch.Instance) == true;

    private sealed class SavePreparation : IDisposable
    {
        private readonly HubDbContext _db;
        private readonly bool _detectChanges;
        private AutoTransactionBehavior? _restore;
        private bool _completed;

        public SavePreparation(HubDbContext db)
        {
            _db = db;
            _detectChanges = _db.ChangeTracker.AutoDetectChangesEnabled;
            _db.ChangeTracker.AutoDetectChangesEnabled = false;
        }

        public IAuditPlacement? Placement { get; set; }

        public List<AuditRecord>? Appended { get; set; }

        /// <summary>The tracked entries among <see cref="Appended"/>, detached for the save: added again if it fails.</summary>
        public List<EntityEntry>? Detached { get; set; }

        /// <summary>Entries taken from the context's staging, not its tracker: given back there if the save fails.</summary>
        public List<AuditRecord>? Staged { get; set; }

        public void Behave(AutoTransactionBehavior behavior)
        {
            _restore ??= _db.Database.AutoTransactionBehavior;
            _db.Database.AutoTransactionBehavior = behavior;
        }

        public int Completed(int written)
        {
            if (Appended is not null && _db.TakeAuditInsertsToAppend() is not null)
            {
                // EF Core sent no command to carry them: PrepareSave hands entries over only with a change to write.
                throw new InvalidOperationException("The save wrote its changes but not its audit entries.");
            }

            _completed = true;
            Placement?.Committed();
            return written + (Appended?.Count ?? 0);
        }

        public void Dispose()
        {
            _db._auditInsertsToAppend = null;
            if (!_completed && Detached is not null)
            {
                foreach (var entry in Detached)
                {
                    entry.State = EntityState.Added;
                }
            }

            if (!_completed && Staged is not null)
            {
                _db.RestoreStagedAuditEntries(Staged);
            }

            if (_restore is { } behavior)
            {
                _db.Database.AutoTransactionBehavior = behavior;
            }

            _db.ChangeTracker.AutoDetectChangesEnabled = _detectChanges;
            Placement?.Dispose();
        }
    }
}
