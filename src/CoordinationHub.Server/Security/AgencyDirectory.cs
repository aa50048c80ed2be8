using System.Collections.Concurrent;
using CoordinationHub.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Security;

/// <summary>
/// Resolves a certificate thumbprint to its agency grant in PostgreSQL. Every replica asks the
/// database, so a suspension or claim change made anywhere bites everywhere; the cache in front
/// only spares the database the same question within <see cref="MaxStaleness"/> (1 second), the
/// longest a revoked grant may still be served.
/// </summary>
public sealed class AgencyDirectory(IDbContextFactory<HubDbContext> contextFactory, TimeProvider time)
{
    /// <summary>How long an answer is reused. The bound: no stale grant for more than 1 s.</summary>
    public static readonly TimeSpan MaxStaleness = TimeSpan.FromSeconds(1);

    // Certificates come only from the hub CA, so the set of thumbprints is bounded by what the CA
    // issued; the cap is a guard against a misbehaving CA, not a tuning knob.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, CacheEntry> _entries = new(StringComparer.Ordinal);

    /// <summary>The grant of the certificate, or null when no agency holds it.</summary>
    public Task<AgencyGrant?> FindAsync(string thumbprint, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(thumbprint);
        var now = time.GetTimestamp();
        _entries.TryGetValue(thumbprint, out var entry);
        if (entry is not null && IsUsable(entry, now))
        {
            return entry.Lookup.Value.WaitAsync(cancellationToken);
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        // Concurrent calls for one certificate share one query (the Lazy runs it once). The entry's
        // age counts from before the query starts, so an answer is never served once it is older
        // than MaxStaleness. The query is bound to no caller's cancellation, since others share it.
        var candidate = new CacheEntry(now, new Lazy<Task<AgencyGrant?>>(() => LoadAsync(thumbprint)));
        var winner = entry is not null && _entries.TryUpdate(thumbprint, candidate, entry)
            ? candidate
            : _entries.GetOrAdd(thumbprint, candidate);
        if (!IsUsable(winner, now))
        {
            // Lost the race to an entry that is itself stale (or failed): replace it outright.
            _entries[thumbprint] = candidate;
            winner = candidate;
        }

        return winner.Lookup.Value.WaitAsync(cancellationToken);
    }

    /// <summary>Forgets every cached answer (tests and admin changes made in this process).</summary>
    public void Clear() => _entries.Clear();

    private async Task<AgencyGrant?> LoadAsync(string thumbprint)
    {
        await using var db = await contextFactory.CreateDbContextAsync().ConfigureAwait(false);
        var row = await db.Certificates.AsNoTracking()
            .Where(c => c.ThumbprintSha256 == thumbprint)
            .Select(c => new
            {
                c.Revoked,
                c.RevocationReason,
                c.Agency!.AgencyId,
                c.Agency.Kind,
                c.Agency.Status,
                c.Agency.StatusReason,
                c.Agency.Scopes,
                c.Agency.DataCategories,
                c.Agency.Purposes,
            })
            .SingleOrDefaultAsync().ConfigureAwait(false);
        return row is null
            ? null
            : new AgencyGrant
            {
                CertificateThumbprint = thumbprint,
                CertificateRevoked = row.Revoked,
                CertificateRevocationReason = row.RevocationReason,
                AgencyId = row.AgencyId,
                Kind = row.Kind,
                Status = row.Status,
                StatusReason = row.StatusReason,
                Scopes = row.Scopes.ToHashSet(StringComparer.Ordinal),
                DataCategories = row.DataCategories.ToHashSet(StringComparer.Ordinal),
                Purposes = row.Purposes.ToHashSet(StringComparer.Ordinal),
            };
    }

    private bool IsUsable(CacheEntry entry, long now) =>
        time.GetElapsedTime(entry.StartedAt, now) < MaxStaleness
        && !(entry.Lookup.IsValueCreated && (entry.Lookup.Value.IsFaulted || entry.Lookup.Value.IsCanceled));

    private sealed record CacheEntry(long StartedAt, Lazy<Task<AgencyGrant?>> Lookup);
}
