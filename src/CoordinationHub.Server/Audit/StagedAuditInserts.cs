using CoordinationHub.Server.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CoordinationHub.Server.Audit;

/// <summary>
/// The audit entries staged in a context, as INSERT commands a read sends in the same batch as its
/// own statements: one round trip, one implicit transaction (Npgsql sends a batch with a single
/// Sync), so the entry commits together with the read or neither happens, exactly as
/// SaveChanges would have written it one round trip earlier. The columns and their values come from
/// EF Core's model of <see cref="AuditRecord"/>, so the two ways of writing an entry cannot drift
/// apart; PostgreSQL seals the row as for any other insert (seq, prev_hash, hash by the trigger
/// audit.seal_entry, on the lane leased here). docs/adr/0016-policed-read-in-two-round-trips.md.
/// </summary>
internal sealed class StagedAuditInserts : IDisposable
{
    private static readonly Lock ShapeLock = new();
    private static (IModel Model, string Sql, IProperty[] Columns)? s_shape;

    private readonly List<EntityEntry> _entries;
    private readonly AuditLaneLease? _lane;

    private StagedAuditInserts(List<EntityEntry> entries, AuditLaneLease? lane, List<NpgsqlBatchCommand> commands)
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

        var lane = entries.Count == 0 ? null : AuditChain.AssignLane(entries.ConvertAll(e => (AuditRecord)e.Entity));
        var (_, sql, columns) = ShapeOf(db.Model);
        var commands = entries.Select(e =>
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var column in columns)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = column.PropertyInfo!.GetValue(e.Entity) ?? DBNull.Value });
            }

            return command;
        }).ToList();
        return new StagedAuditInserts(entries, lane, commands);
    }

    /// <summary>After the batch committed: the entries are written, SaveChanges must not write them again.</summary>
    public void MarkWritten()
    {
        foreach (var entry in _entries)
        {
            entry.State = EntityState.Detached;
        }
    }

    public void Dispose() => _lane?.Dispose();

    // Every column EF Core itself would send for a new entry: not the identity, not the sealed ones.
    private static (IModel Model, string Sql, IProperty[] Columns) ShapeOf(IModel model)
    {
        lock (ShapeLock)
        {
            if (s_shape is { } known && ReferenceEquals(known.Model, model))
            {
                return known;
            }

            var entityType = model.FindEntityType(typeof(AuditRecord))!;
            var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            var columns = entityType.GetProperties()
                .Where(p => p.ValueGenerated == ValueGenerated.Never && p.GetBeforeSaveBehavior() == PropertySaveBehavior.Save)
                .ToArray();
            var names = string.Join(", ", columns.Select(c => Quote(c.GetColumnName(table)!)));
            var values = string.Join(", ", columns.Select((_, i) => "$" + (i + 1)));
            var sql = $"INSERT INTO {Quote(table.Schema!)}.{Quote(table.Name)} ({names}) VALUES ({values})";
            s_shape = (model, sql, columns);
            return s_shape.Value;
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
