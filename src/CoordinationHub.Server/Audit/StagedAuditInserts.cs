using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Npgsql;

namespace CoordinationHub.Server.Audit;

/// <summary>
/// The audit entries staged in a context, as INSERT commands a read sends in the same batch as its
/// own statements: one round trip, one implicit transaction (Npgsql sends a batch with a single
/// Sync), so the entry commits together with the read or neither happens, exactly as
/// SaveChanges would have written it one round trip earlier. The statement is EF Core's own
/// (<see cref="AuditInsertSql"/>); the entry is placed as SaveChanges would place it
/// (<see cref="AuditChain.Place"/>): sealed here on a chain the replica owns, or by the trigger
/// audit.seal_entry on a database-sealed lane.
/// docs/adr/0016-policed-read-in-two-round-trips.md.
/// </summary>
internal sealed class StagedAuditInserts : IDisposable
{
    private readonly List<EntityEntry> _entries;
    private readonly IAuditPlacement? _lane;

    private StagedAuditInserts(List<EntityEntry> entries, IAuditPlacement? lane, List<NpgsqlBatchCommand> commands)
    {
        _entries = entries;
        _lane = lane;
        Commands = commands;
    }

    /// <summary>The INSERTs to put first in the batch; empty when nothing is staged.</summary>
    public IReadOnlyList<NpgsqlBatchCommand> Commands { get; }

    /// <summary>
    /// The staged entries of <paramref name="db"/> as commands, on one leased lane; null when the
    /// context holds anything else to save (or a transaction of its own), which SaveChanges must write.
    /// </summary>
    public static StagedAuditInserts? TryTake(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is not null)
        {
            return null;
        }

        var entries = new List<EntityEntry>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (entry.State != EntityState.Added || entry.Entity is not AuditRecord)
            {
                return null;
            }

            entries.Add(entry);
        }

        // No transaction is open, so the batch's own implicit one commits the entries or nothing.
        var lane = entries.Count == 0 ? null : AuditChain.Place(entries.ConvertAll(e => (AuditRecord)e.Entity), (db as HubDbContext)?.OwnedAuditChains, commitsWithSave: true);
        var insert = AuditInsertSql.For(db.Model);
        var commands = entries.Select(e =>
        {
            var command = new NpgsqlBatchCommand(insert.Positional);
            foreach (var parameter in insert.Parameters((AuditRecord)e.Entity))
            {
                command.Parameters.Add(parameter);
            }

            return command;
        }).ToList();
        return new StagedAuditInserts(entries, lane, commands);
    }

    /// <summary>After the batch committed: the entries are written, SaveChanges must not write them again.</summary>
    public void MarkWritten()
    {
        _lane?.Committed();
        foreach (var entry in _entries)
        {
            entry.State = EntityState.Detached;
        }
    }

    public void Dispose() => _lane?.Dispose();
}
