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
    private readonly HubDbContext _db;
    private readonly List<EntityEntry> _tracked;
    private readonly List<AuditRecord>? _staged;
    private readonly IAuditPlacement? _lane;
    private bool _written;

    private StagedAuditInserts(HubDbContext db, List<EntityEntry> tracked, List<AuditRecord>? staged, IAuditPlacement? lane, List<NpgsqlBatchCommand> commands)
    {
        _db = db;
        _tracked = tracked;
        _staged = staged;
        _lane = lane;
        Commands = commands;
    }

    /// <summary>The INSERTs to put first in the batch; empty when nothing is staged.</summary>
    public IReadOnlyList<NpgsqlBatchCommand> Commands { get; }

    /// <summary>
    /// The audit entries <paramref name="db"/> holds (staged, or tracked as added) as commands, on
    /// one chain; null when the context holds anything else to save (or a transaction of its own),
    /// which SaveChanges must write.
    /// </summary>
    public static StagedAuditInserts? TryTake(HubDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is not null)
        {
            return null;
        }

        var tracked = db.AddedAuditEntries(out var otherChanges) ?? [];
        if (otherChanges)
        {
            return null;
        }

        var staged = db.TakeStagedAuditEntries();
        var records = tracked.ConvertAll(e => (AuditRecord)e.Entity);
        records.AddRange(staged ?? []);

        // No transaction is open, so the batch's own implicit one commits the entries or nothing.
        var lane = records.Count == 0 ? null : AuditChain.Place(records, db.OwnedAuditChains, commitsWithSave: true);
        var insert = AuditInsertSql.For(db.Model);
        var commands = records.ConvertAll(record =>
        {
            var command = new NpgsqlBatchCommand(insert.Positional);
            foreach (var parameter in insert.Parameters(record))
            {
                command.Parameters.Add(parameter);
            }

            return command;
        });
        return new StagedAuditInserts(db, tracked, staged, lane, commands);
    }

    /// <summary>After the batch committed: the entries are written, SaveChanges must not write them again.</summary>
    public void MarkWritten()
    {
        _lane?.Committed();
        _written = true;
        foreach (var entry in _tracked)
        {
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>Ends the chain's lease; entries taken from the staging and not written are staged again.</summary>
    public void Dispose()
    {
        if (!_written && _staged is not null)
        {
            _db.RestoreStagedAuditEntries(_staged);
        }

        _lane?.Dispose();
    }
}
