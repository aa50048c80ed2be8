using System.Collections.Frozen;
using System.Security.Cryptography;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoordinationHub.Server.Tokens;

/// <summary>
/// The token signing keys in <c>trust.signing_keys</c>, shared by every replica. A key signs for
/// <see cref="HubTokenOptions.KeyRotationInterval"/>, then retires and keeps verifying until every
/// token it signed has expired. Keys are made on demand by whichever replica first needs one,
/// under a PostgreSQL advisory lock so two replicas never rotate at once; a replica that meets a
/// key id it does not know reloads the table before judging the token.
/// </summary>
public sealed class SigningKeyStore(
    IDbContextFactory<HubDbContext> contextFactory,
    IOptions<HubTokenOptions> options,
    TimeProvider time,
    ILogger<SigningKeyStore> logger,
    ValidatedTokenCache? validatedTokens = null) : IDisposable
{
    // Unknown key ids reload the table at most this often, so a flood of forged key ids costs the
    // database a handful of queries a second; a caller inside the window waits for the next reload.
    private static readonly TimeSpan MinReloadSpacing = TimeSpan.FromMilliseconds(200);

    // Known keys are re-read this often anyway, so a key an operator deleted stops verifying.
    private static readonly TimeSpan ReloadInterval = TimeSpan.FromMinutes(1);

    // Arbitrary constant naming the rotation lock among PostgreSQL advisory locks ("CHsigkey").
    private const long RotationLockId = 0x4348_7369_676B_6579;

    private readonly SemaphoreSlim _reloadLock = new(1, 1);
    private volatile KeySet _keys = KeySet.Empty;

    /// <summary>Keys that still verify, for validation and the JWKS document.</summary>
    public IReadOnlyList<SigningKey> VerificationKeys
    {
        get
        {
            var now = time.GetUtcNow();
            return [.. _keys.ById.Values.Where(k => k.VerifiesAt(now)).OrderBy(k => k.CreatedAt)];
        }
    }

    /// <summary>The verifying key with this id, or null.</summary>
    public SigningKey? FindVerificationKey(string keyId) =>
        _keys.ById.TryGetValue(keyId, out var key) && key.VerifiesAt(time.GetUtcNow()) ? key : null;

    /// <summary>The key to sign with now, making one first when none signs.</summary>
    public async Task<SigningKey> GetSigningKeyAsync(CancellationToken cancellationToken)
    {
        if (CurrentSigningKey() is { } key)
        {
            return key;
        }

        await ReloadAsync(cancellationToken).ConfigureAwait(false);
        if (CurrentSigningKey() is { } stored)
        {
            return stored;
        }

        await RotateAsync(cancellationToken).ConfigureAwait(false);
        await ReloadAsync(cancellationToken).ConfigureAwait(false);
        return CurrentSigningKey() ?? throw new InvalidOperationException("No signing key is current right after rotation; check the clocks of the hub and the database.");
    }

    /// <summary>
    /// Makes sure a key id seen in a token is loaded if it exists anywhere: keys rotated on another
    /// replica become known here before the token is judged. Also reloads known keys once a minute.
    /// </summary>
    public async ValueTask EnsureKnownAsync(string? keyId, CancellationToken cancellationToken)
    {
        var keys = _keys;
        var known = keyId is null || keys.ById.ContainsKey(keyId);
        if (known && time.GetElapsedTime(keys.LoadedAt) < ReloadInterval)
        {
            return;
        }

        await _reloadLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!ReferenceEquals(keys, _keys) && (keyId is null || _keys.ById.ContainsKey(keyId)))
            {
                return; // another caller reloaded while this one waited
            }

            var sinceLast = time.GetElapsedTime(_keys.LoadedAt);
            if (sinceLast < MinReloadSpacing)
            {
                await Task.Delay(MinReloadSpacing - sinceLast, time, cancellationToken).ConfigureAwait(false);
            }

            await ReloadLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    /// <summary>Re-reads the table now.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloadLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ReloadLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    public void Dispose() => _reloadLock.Dispose();

    private SigningKey? CurrentSigningKey()
    {
        var now = time.GetUtcNow();
        return _keys.ById.Values.Where(k => k.SignsAt(now)).MaxBy(k => k.CreatedAt);
    }

    private async Task ReloadLockedAsync(CancellationToken cancellationToken)
    {
        var startedAt = time.GetTimestamp();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var rows = await db.SigningKeys.AsNoTracking().Where(k => k.ExpiresAt > now).ToListAsync(cancellationToken).ConfigureAwait(false);
        var previous = _keys.ById;
        // Keys already loaded keep their instances, unless an operator changed their schedule (an
        // early retirement after a suspected leak): validations in flight may be using them.
        var loaded = rows.Select(r => previous.TryGetValue(r.KeyId, out var known) && known.RetiresAt == r.RetiresAt && known.ExpiresAt == r.ExpiresAt
            ? known
            : SigningKey.FromPkcs8(r.KeyId, r.PrivateKey, r.CreatedAt, r.RetiresAt, r.ExpiresAt));
        var keys = new KeySet(startedAt, loaded.ToFrozenDictionary(k => k.KeyId, StringComparer.Ordinal));
        if (previous.Values.Any(k => !keys.ById.TryGetValue(k.KeyId, out var kept) || !ReferenceEquals(k, kept)))
        {
            // A key was withdrawn or rescheduled: tokens validated with it must be judged again.
            validatedTokens?.Clear();
        }

        _keys = keys;
    }

    private async Task RotateAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({RotationLockId})", cancellationToken).ConfigureAwait(false);

        // Another replica may have rotated while this one waited for the lock.
        var now = time.GetUtcNow();
        if (await db.SigningKeys.AnyAsync(k => k.CreatedAt <= now && k.RetiresAt > now, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var retiresAt = now + settings.KeyRotationInterval;
        var record = new SigningKeyRecord
        {
            KeyId = SigningKey.KeyIdOf(key),
            Algorithm = SigningKey.Algorithm,
            PrivateKey = key.ExportPkcs8PrivateKey(),
            CreatedAt = now,
            RetiresAt = retiresAt,
            // Its last token is signed just before it retires and lives TokenLifetime, plus the
            // skew verifiers tolerate.
            ExpiresAt = retiresAt + settings.TokenLifetime + settings.ClockSkew,
        };
        db.SigningKeys.Add(record);

        // Keys whose tokens have long expired serve nobody; a day's margin keeps them for forensics.
        await db.SigningKeys.Where(k => k.ExpiresAt < now - TimeSpan.FromDays(1)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        TokenLog.SigningKeyCreated(logger, record.KeyId, record.RetiresAt);
    }

    private sealed record KeySet(long LoadedAt, FrozenDictionary<string, SigningKey> ById)
    {
        public static readonly KeySet Empty = new(0, FrozenDictionary<string, SigningKey>.Empty);
    }
}
