using System.Data.Common;
using System.Text;
using CoordinationHub.Server.Audit;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoordinationHub.Server.Persistence;

/// <summary>
/// Appends the audit entries of a save to the first command EF Core sends for it, instead of
/// letting EF Core's update pipeline track, generate, bind and read back each entry (about a
/// fifth of an audited agency update's CPU in the hub, docs/benchmarks.md). The entries stay in the
/// save's one transaction: <see cref="HubDbContext"/> hands them over only when every command of
/// the save runs in one transaction, the implicit one of a single batch
/// (<see cref="OneBatchSaves"/>) or an explicit one, so a failing statement anywhere takes
/// the change and its entries with it. The statement is EF Core's own (<see cref="AuditInsertSql"/>);
/// the seal trigger numbers and hashes each row as for any insert. docs/adr/0019.
/// </summary>
internal sealed class AuditInsertsInSaveBatch : DbCommandInterceptor
{
    public static AuditInsertsInSaveBatch Instance { get; } = new();

    private AuditInsertsInSaveBatch()
    {
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Append(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Append(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Append(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Append(command, eventData);
        return ValueTask.FromResult(result);
    }

    private static void Append(DbCommand command, CommandEventData eventData)
    {
        if (eventData.CommandSource != CommandSource.SaveChanges
            || eventData.Context is not HubDbContext db
            || db.TakeAuditInsertsToAppend() is not { Count: > 0 } records)
        {
            return;
        }

        // EF Core names its parameters (@p0 …), and so does this: Npgsql refuses a command that
        // mixes named and positional ones.
        var insert = AuditInsertSql.For(db.Model);
        var text = new StringBuilder(command.CommandText.TrimEnd());
        if (text.Length > 0 && text[^1] != ';')
        {
            text.Append(';');
        }

        for (var r = 0; r < records.Count; r++)
        {
            text.Append('\n').Append(insert.Named(r)).Append(';');
            foreach (var parameter in insert.Parameters(records[r], namedAsEntry: r))
            {
                command.Parameters.Add(parameter);
            }
        }

        command.CommandText = text.ToString();
    }
}
