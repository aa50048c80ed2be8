using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoordinationHub.Server.Tests.Infrastructure;

/// <summary>Counts the transactions EF Core starts: how tests see whether a save ran in EF Core's transaction or in one implicit one.</summary>
public sealed class TransactionCounter : DbTransactionInterceptor
{
    public int Started { get; set; }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Started++;
        return base.TransactionStartedAsync(connection, eventData, result, cancellationToken);
    }
}
