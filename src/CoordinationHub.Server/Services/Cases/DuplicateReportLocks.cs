using CoordinationHub.Domain.Matching;
using CoordinationHub.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>
/// Serialises the reports that could be duplicates of each other, so that the later one's candidate
/// search sees the earlier one's case. Without it, two agencies reporting the same person at the same
/// moment each search before the other has committed, and neither is flagged.
/// </summary>
/// <remarks>
/// The report's transaction takes one advisory lock per phonetic name key and near variant
/// (<see cref="KeyVariants"/>, which is symmetric), held until it commits. Two reports that a
/// candidate search could connect share a key or a variant of one, so they share a lock: the later
/// waits until the earlier commits, then (read committed: each statement sees what committed before
/// it) finds the earlier case. Locks are taken in one statement, in ascending order of their ids, so
/// two reports never wait for each other in a cycle. Reports that share no name never wait. A common
/// name such as Mohamed makes its reports wait for one another for the length of a report's
/// transaction; at the rate reports arrive, that is fine.
/// </remarks>
internal static class DuplicateReportLocks
{
    // Advisory lock namespace 1312902469 = 0x4E414D45 ("NAME"), in the two-int form: apart from the
    // audit's ("AUDT") and the signing keys' one-bigint lock. DISTINCT and ORDER BY keep the subquery
    // from being flattened, so the locks are taken in its order.
    private const string LockSql =
        "SELECT pg_advisory_xact_lock(1312902469, h) FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest(@keys) AS k ORDER BY h) AS ordered";

    /// <summary>Takes the locks of <paramref name="keys"/> in the context's current transaction, which must be open.</summary>
    public static async Task AcquireAsync(HubDbContext db, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(keys);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Transaction-scoped locks need an open transaction.");
        }

        var names = keys.SelectMany(KeyVariants.Of).Distinct(StringComparer.Ordinal).ToArray();
        if (names.Length == 0)
        {
            return;
        }

        await db.Database.ExecuteSqlRawAsync(
            LockSql,
            [new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = names }],
            cancellationToken).ConfigureAwait(false);
    }
}
