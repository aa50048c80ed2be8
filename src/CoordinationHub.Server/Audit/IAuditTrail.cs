namespace CoordinationHub.Server.Audit;

/// <summary>
/// The one seam through which everything the hub audits is written. Its storage (today a plain
/// append-only table, later a hash chain) can change without touching callers.
/// </summary>
public interface IAuditTrail
{
    /// <summary>
    /// Adds the entry to the current unit of work, so that it commits or rolls back together with
    /// the change it records: an admin change is never stored without its entry, nor the reverse.
    /// The caller's <c>SaveChangesAsync</c> writes it.
    /// </summary>
    void Append(AuditEntry entry);

    /// <summary>
    /// Writes the entry at once in its own transaction. For denials and failures, where there is no
    /// change to commit with and whatever the request had staged must not be committed with it.
    /// </summary>
    Task AppendNowAsync(AuditEntry entry, CancellationToken cancellationToken);
}
