using System.Security.Cryptography;
using CoordinationHub.Audit;
using CoordinationHub.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Audit;

/// <summary>
/// Verifies chains straight from <c>audit.entries</c> and <c>audit.checkpoints</c> with the same
/// verifier hubctl runs offline, streaming rows in (chain, seq) order.
/// </summary>
public static class AuditRangeVerification
{
    /// <summary>As the overload with a key ring, trusting <paramref name="publicKey"/> alone.</summary>
    public static async Task<AuditVerificationResult> VerifyAsync(
        HubDbContext db, ECDsa publicKey, int? chain, long fromSeq, long toSeq, CancellationToken cancellationToken)
    {
        using var keys = CheckpointKeyRing.Of(publicKey);
        return await VerifyAsync(db, keys, chain, fromSeq, toSeq, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Seqs <paramref name="fromSeq"/> to <paramref name="toSeq"/> (0: the head) of one chain, or of
    /// all when <paramref name="chain"/> is null, trusting checkpoints signed by any of <paramref name="keys"/>.
    /// </summary>
    public static async Task<AuditVerificationResult> VerifyAsync(
        HubDbContext db, CheckpointKeyRing keys, int? chain, long fromSeq, long toSeq, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(keys);
        var verifier = new AuditChainVerifier(keys, fromSeq);
        var checkpoints = db.AuditCheckpoints.AsNoTracking().Where(c => c.Seq >= fromSeq);
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.Seq >= fromSeq);
        if (chain is { } only)
        {
            checkpoints = checkpoints.Where(c => c.Chain == only);
            entries = entries.Where(e => e.Chain == only);
        }

        if (toSeq > 0)
        {
            checkpoints = checkpoints.Where(c => c.Seq <= toSeq);
            entries = entries.Where(e => e.Seq <= toSeq);
        }

        await foreach (var checkpoint in checkpoints.OrderBy(c => c.Chain).ThenBy(c => c.Seq).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            verifier.AddCheckpoint(AuditRecords.ToCheckpoint(checkpoint));
        }

        await foreach (var entry in entries.OrderBy(e => e.Chain).ThenBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            verifier.AddEntry(AuditRecords.ToChained(entry));
        }

        return verifier.Complete();
    }
}
