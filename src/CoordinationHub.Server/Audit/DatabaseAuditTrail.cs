using CoordinationHub.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Audit;

/// <summary>
/// Audit trail on the <c>audit.entries</c> hash chains. Scoped: it shares the request's
/// <see cref="HubDbContext"/>: entries are staged there (not tracked) and its <c>SaveChangesAsync</c> seals them into their chain
/// (<see cref="AuditChain"/>) inside the same transaction as the change they record.
/// </summary>
internal sealed class DatabaseAuditTrail(HubDbContext db, IDbContextFactory<HubDbContext> contextFactory, TimeProvider time) : IAuditTrail
{
    public void Append(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        db.StageAuditEntry(AuditRecords.ToRecord(entry, time));
    }

    public async Task AppendNowAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);

        // A separate context: the request's own context may hold staged changes of the refused
        // operation, which must not be committed alongside the denial.
        await using var own = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        own.AuditEntries.Add(AuditRecords.ToRecord(entry, time));
        await own.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
