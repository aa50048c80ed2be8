using CoordinationHub.Audit;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CoordinationHub.Server.Audit;

/// <summary>
/// Signs the head of every chain that is due: <see cref="HubAuditOptions.CheckpointEveryEntries"/>
/// entries past its last checkpoint, or <see cref="HubAuditOptions.CheckpointEvery"/> since it
/// with entries after it, or never checkpointed. One replica at a time: the round runs under
/// <c>pg_try_advisory_xact_lock(AUDT, -1)</c>, and a replica that does not get it skips the round.
/// </summary>
public static class AuditCheckpointer
{
    private const int CheckpointLock = -1;

    // Each chain's head and last checkpoint, by index lookups (no scan of the log).
    private static readonly string HeadsSql = $"""
        SELECT l.chain, h.seq, h.hash, c.seq, c.signed_at
        FROM generate_series(0, {AuditChain.Count - 1}) AS l(chain)
        CROSS JOIN LATERAL (SELECT seq, hash FROM audit.entries e WHERE e.chain = l.chain ORDER BY seq DESC LIMIT 1) h
        LEFT JOIN LATERAL (SELECT seq, signed_at FROM audit.checkpoints k WHERE k.chain = l.chain ORDER BY seq DESC LIMIT 1) c ON true
        """;

    /// <summary>The checkpoints written in this round (none when another replica holds the round).</summary>
    public static async Task<IReadOnlyList<AuditCheckpoint>> CheckpointDueAsync(
        HubDbContext db, AuditCheckpointKey key, HubAuditOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(options);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var npgsqlTransaction = (NpgsqlTransaction)transaction.GetDbTransaction();
        await using (var command = new NpgsqlCommand($"SELECT pg_try_advisory_xact_lock({AuditChain.LockClass}, {CheckpointLock})", connection, npgsqlTransaction))
        {
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
            {
                return [];
            }
        }

        var signed = new List<AuditCheckpoint>();
        await using (var command = new NpgsqlCommand(HeadsSql, connection, npgsqlTransaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var chain = reader.GetInt32(0);
                var headSeq = reader.GetInt64(1);
                var headHash = await reader.GetFieldValueAsync<byte[]>(2, cancellationToken).ConfigureAwait(false);
                var lastSeq = await reader.IsDBNullAsync(3, cancellationToken).ConfigureAwait(false) ? (long?)null : reader.GetInt64(3);
                var lastSignedAt = lastSeq is null ? (DateTimeOffset?)null : await reader.GetFieldValueAsync<DateTimeOffset>(4, cancellationToken).ConfigureAwait(false);
                if (IsDue(headSeq, lastSeq, lastSignedAt, options, now))
                {
                    signed.Add(CheckpointSignature.Sign(key.Key, chain, headSeq, headHash, now));
                }
            }
        }

        foreach (var checkpoint in signed)
        {
            db.AuditCheckpoints.Add(new AuditCheckpointRecord
            {
                Chain = checkpoint.Chain,
                Seq = checkpoint.Seq,
                EntryHash = checkpoint.EntryHash.ToArray(),
                SignedAt = checkpoint.SignedAt,
                KeyId = checkpoint.KeyId,
                Signature = checkpoint.Signature.ToArray(),
            });
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return signed;
    }

    private static bool IsDue(long headSeq, long? lastSeq, DateTimeOffset? lastSignedAt, HubAuditOptions options, DateTimeOffset now) =>
        lastSeq is not { } last
        || headSeq - last >= options.CheckpointEveryEntries
        || (headSeq > last && now - lastSignedAt >= options.CheckpointEvery);
}
