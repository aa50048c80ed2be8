using System.Data.Common;
using CoordinationHub.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoordinationHub.Server.Tests.Infrastructure;

/// <summary>Counts the queries a context sends, synchronous ones included: how tests hold a read to its round trips.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    public int Count { get; private set; }

    /// <summary>A context on <paramref name="connectionString"/> whose queries this counter counts.</summary>
    public HubDbContext Open(string connectionString)
    {
        var options = new DbContextOptionsBuilder<HubDbContext>();
        HubDatabase.Configure(options, connectionString).AddInterceptors(this);
        return new HubDbContext(options.Options);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count++;
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count++;
        return base.ReaderExecuting(command, eventData, result);
    }
}
