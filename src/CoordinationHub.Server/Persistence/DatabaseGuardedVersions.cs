using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Persistence;

/// <summary>
/// Entities whose optimistic concurrency the database enforces (<see cref="IDatabaseGuardedVersion"/>): their UPDATE carries the version
/// the writer read, and a trigger refuses it with an error unless the row still has that version
/// (ADR 0018). Such an UPDATE either changes its row or fails, like an INSERT, so
/// <see cref="OneBatchSaves"/> may send it without EF Core's transaction.
/// </summary>
internal static class DatabaseGuardedVersions
{
    /// <summary>SQLSTATE serialization_failure, what the guard raises on a lost race.</summary>
    public const string LostRaceSqlState = "40001";

    public static bool IsGuarded(Type entityType) => typeof(IDatabaseGuardedVersion).IsAssignableFrom(entityType);

    /// <summary>Puts the version each modified guarded entity was read at into its UPDATE.</summary>
    public static void Stamp(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var entry in db.ChangeTracker.Entries<IDatabaseGuardedVersion>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.ExpectedVersion = (uint)entry.Property(nameof(IDatabaseGuardedVersion.Version)).OriginalValue!;

                // Sent even when EF Core's snapshot holds the same value: the trigger stores NULL,
                // and an UPDATE without the column would pass unguarded.
                entry.Property(nameof(IDatabaseGuardedVersion.ExpectedVersion)).IsModified = true;
            }
        }
    }
}
