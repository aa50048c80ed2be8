using CoordinationHub.Audit;
using CoordinationHub.Server.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CoordinationHub.Server.Audit;

/// <summary>
/// Seals staged audit entries into their hash chain, inside the transaction that saves them.
/// The log is <see cref="Lanes"/> independent chains; an entry's lane comes from its call id, so
/// concurrent calls spread over the lanes. For each lane it appends to, the transaction takes
/// <c>pg_advisory_xact_lock(AUDT, lane)</c>, reads the lane's head and writes head.seq + 1 with
/// prev_hash = head.hash. The lock is held until commit or rollback, so no other transaction on
/// any replica can read the same head: entries of one lane are totally ordered without gaps. A
/// rolled-back transaction inserted nothing, and the next appender reads the same head again, so
/// it leaves no gap either. docs/adr/0006-tamper-evident-audit-log.md.
/// </summary>
public static class AuditChain
{
    /// <summary>The chains are 0 … Lanes-1. Fixed, so that the set of chains is part of the evidence format.</summary>
    public const int Lanes = 16;

    // Advisory lock namespace ("AUDT"): the two-int form never collides with the one-bigint locks of SigningKeyStore.
    private const int LockClass = 0x41554454;

    /// <summary>The lane of a call: FNV-1a of its call id (stable across replicas and runs); random without one.</summary>
    public static int LaneFor(string callId)
    {
        ArgumentNullException.ThrowIfNull(callId);
        if (callId.Length == 0)
        {
            return Random.Shared.Next(Lanes);
        }

        var hash = 2166136261u;
        foreach (var c in callId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Lanes);
    }

    /// <summary>Audit records the context will insert on its next save.</summary>
    public static List<AuditRecord> Pending(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. db.ChangeTracker.Entries<AuditRecord>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)];
    }

    /// <summary>
    /// Gives every pending record its chain, seq, prev_hash and hash. Must run inside the
    /// transaction that saves them (the lane locks end with it); every call re-seals from the
    /// current heads, so retrying a failed save on the same context stays correct.
    /// </summary>
    public static async Task SealAsync(DbContext db, IReadOnlyList<AuditRecord> pending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(pending);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Audit entries are sealed inside the transaction that saves them.");
        var byLane = pending.GroupBy(r => LaneFor(r.CallId)).OrderBy(g => g.Key).ToList();

        // One round trip: the locks in ascending lane order (two multi-lane saves cannot deadlock
        // each other), then each head. Separate statements on purpose: under READ COMMITTED each
        // statement takes its snapshot when it starts, so the head is read after the lock is
        // granted and sees the commit of the previous holder.
        await using var batch = new NpgsqlBatch((NpgsqlConnection)transaction.Connection!, (NpgsqlTransaction)transaction);
        foreach (var lane in byLane)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({LockClass}, {lane.Key})"));
        }

        foreach (var lane in byLane)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT seq, hash FROM audit.entries WHERE chain = {lane.Key} ORDER BY seq DESC LIMIT 1"));
        }

        var heads = new Dictionary<int, (long Seq, byte[] Hash)>();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < byLane.Count; i++)
            {
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (var lane in byLane)
            {
                heads[lane.Key] = await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                    ? (reader.GetInt64(0), await reader.GetFieldValueAsync<byte[]>(1, cancellationToken).ConfigureAwait(false))
                    : (0, AuditEntryEncoding.GenesisHash.ToArray());
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var lane in byLane)
        {
            var (seq, hash) = heads[lane.Key];
            foreach (var record in lane)
            {
                Link(record, lane.Key, ++seq, hash);
                hash = record.Hash;
            }
        }
    }

    private static void Link(AuditRecord record, int chain, long seq, byte[] prevHash)
    {
        record.Chain = chain;
        record.Seq = seq;
        record.PrevHash = prevHash;
        record.OccurredAt = AuditEntryEncoding.FromMicroseconds(AuditEntryEncoding.ToMicroseconds(record.OccurredAt));
        record.Hash = AuditEntryEncoding.ComputeHash(AuditRecords.ToChained(record));
    }
}
