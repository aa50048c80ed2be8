using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Audit;

/// <summary>Audit trail on the <c>audit.entries</c> table. Scoped: it shares the request's <see cref="HubDbContext"/>.</summary>
internal sealed class DatabaseAuditTrail(HubDbContext db, IDbContextFactory<HubDbContext> contextFactory, TimeProvider time) : IAuditTrail
{
    public void Append(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        db.AuditEntries.Add(ToRecord(entry));
    }

    public async Task AppendNowAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);

        // A separate context: the request's own context may hold staged changes of the refused
        // operation, which must not be committed alongside the denial.
        await using var own = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        own.AuditEntries.Add(ToRecord(entry));
        await own.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private AuditRecord ToRecord(AuditEntry entry) => new()
    {
        OccurredAt = DatabaseClock.Now(time),
        AgencyId = entry.AgencyId,
        CertificateThumbprint = entry.CertificateThumbprint,
        Officer = entry.Officer,
        Method = entry.Method,
        Target = entry.Target,
        Decision = entry.Decision == AuditDecision.Allowed ? AuditRecord.Allowed : AuditRecord.Denied,
        Reason = entry.Reason,
        RequestId = entry.RequestId,
        CallId = entry.CallId,
    };
}
