using CoordinationHub.Server.Tokens;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoordinationHub.Server.Tests.Tokens;

/// <summary>Signing keys: made on demand once for all replicas, rotated on schedule, verifying until their tokens expired.</summary>
public sealed class SigningKeyStoreTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly HubTokenOptions Settings = new() { KeyRotationInterval = TimeSpan.FromHours(1), TokenLifetime = TimeSpan.FromMinutes(5), ClockSkew = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Rotation_OverTime_NewKeySignsOldKeyVerifiesUntilItsTokensExpired()
    {
        await ClearKeysAsync();
        var time = new ManualTimeProvider();
        using var store = Store(time);
        var first = await store.GetSigningKeyAsync(CancellationToken.None);

        time.Advance(TimeSpan.FromHours(1));
        var second = await store.GetSigningKeyAsync(CancellationToken.None);

        Assert.NotEqual(first.KeyId, second.KeyId);
        Assert.NotNull(store.FindVerificationKey(first.KeyId));
        Assert.Equal([first.KeyId, second.KeyId], store.VerificationKeys.Select(k => k.KeyId));

        time.Advance(TimeSpan.FromMinutes(5.5));
        Assert.Null(store.FindVerificationKey(first.KeyId));
        Assert.NotNull(store.FindVerificationKey(second.KeyId));
    }

    [Fact]
    public async Task GetSigningKey_TwoReplicasOnAnEmptyTable_AgreeOnOneKey()
    {
        await ClearKeysAsync();
        var time = new ManualTimeProvider();
        using var replica1 = Store(time);
        using var replica2 = Store(time);

        var keys = await Task.WhenAll(replica1.GetSigningKeyAsync(CancellationToken.None), replica2.GetSigningKeyAsync(CancellationToken.None));

        Assert.Equal(keys[0].KeyId, keys[1].KeyId);
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.SigningKeys.CountAsync());
    }

    [Fact]
    public async Task EnsureKnown_KeyMadeByAnotherReplica_LoadsIt()
    {
        await ClearKeysAsync();
        var time = new ManualTimeProvider();
        using var replica1 = Store(time);
        using var replica2 = Store(time);
        await replica2.ReloadAsync(CancellationToken.None);
        var made = await replica1.GetSigningKeyAsync(CancellationToken.None);
        Assert.Null(replica2.FindVerificationKey(made.KeyId));

        await replica2.EnsureKnownAsync(made.KeyId, CancellationToken.None);

        Assert.NotNull(replica2.FindVerificationKey(made.KeyId));
    }

    private SigningKeyStore Store(TimeProvider time) =>
        new(database, Options.Create(Settings), time, NullLogger<SigningKeyStore>.Instance);

    private async Task ClearKeysAsync()
    {
        await using var db = database.CreateDbContext();
        await db.SigningKeys.ExecuteDeleteAsync();
    }
}
