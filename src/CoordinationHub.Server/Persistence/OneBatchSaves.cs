using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CoordinationHub.Server.Persistence;

/// <summary>
/// Which saves may run without EF Core's own transaction. A save of several statements normally
/// costs BEGIN + batch in one round trip and COMMIT in a second. Npgsql sends one batch as one
/// extended-protocol sequence with a single Sync, which PostgreSQL runs as one implicit transaction:
/// if any statement fails, none of the others is kept. That makes the explicit transaction
/// redundant when, and only when, (1) every change is an INSERT, which either stores its row or
/// fails with an error (an UPDATE or DELETE guarded by xmin can affect no row without an error, and
/// only EF's explicit transaction lets it roll back the rest after seeing the count), and (2) EF
/// sends the whole save as one batch: it splits a save only when a row needs a key the database
/// generates for another row of the same save, or when the batch exceeds the provider's size limit
/// (1000 statements for Npgsql; the cap below is far under it). No BEFORE INSERT trigger in this
/// schema skips a row (audit.seal_entry returns NEW), so an INSERT never "succeeds" with no row.
/// An UPDATE whose version the database enforces (<see cref="DatabaseGuardedVersions"/>) meets (1)
/// as well: it changes its row or raises, because it finds the row by primary key and the row was
/// just read (agencies are never deleted). docs/adr/0014-insert-only-saves-and-a-cheaper-seal.md,
/// docs/adr/0018-agency-updates-guarded-by-the-database.md.
/// </summary>
internal static class OneBatchSaves
{
    /// <summary>More changes than this go through EF's transaction as before: a bound well below any batch split.</summary>
    public const int MaxChanges = 100;

    /// <summary>
    /// True when the pending changes of <paramref name="db"/>, with <paramref name="untrackedInserts"/>
    /// more that the save appends beside EF Core (audit entries), are two to <see cref="MaxChanges"/>
    /// inserts (none referencing a key the database generates) and updates of database-guarded
    /// versions, and no transaction is open (a caller's transaction decides its own commit). One
    /// change alone already runs without a transaction (EF's own rule), so it is left to EF.
    /// </summary>
    public static bool Qualifies(DbContext db, int untrackedInserts = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(untrackedInserts);
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is not null || System.Transactions.Transaction.Current is not null)
        {
            return false;
        }

        var changes = untrackedInserts;
        if (changes > MaxChanges)
        {
            return false;
        }

        foreach (var entry in db.ChangeTracker.Entries())
        {
            switch (entry.State)
            {
                case EntityState.Unchanged or EntityState.Detached:
                    continue;
                case EntityState.Added when ++changes <= MaxChanges && !ReferencesGeneratedKey(entry):
                    continue;
                case EntityState.Modified when DatabaseGuardedVersions.IsGuarded(entry.Metadata.ClrType) && ++changes <= MaxChanges:
                    continue;
                default:
                    return false;
            }
        }

        return changes > 1;
    }

    // A foreign key to a key the database generates is what makes EF execute the principal's
    // insert first and send the dependent's in a later batch (it needs the generated value).
    private static bool ReferencesGeneratedKey(EntityEntry entry) =>
        entry.Metadata.GetForeignKeys().Any(fk => fk.PrincipalKey.Properties.Any(p => p.ValueGenerated != ValueGenerated.Never));
}
