using System.Security.Cryptography;
using CoordinationHub.Audit;
using CoordinationHub.Server.Audit;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Server.Tests.Audit;

/// <summary>
/// The checkpoint key is rotated: checkpoints signed before name the old key, those after the new
/// one. On real PostgreSQL: the hub configured with the old public key (Hub:Audit:PreviousPublicKeyPaths)
/// verifies the whole log in one pass and publishes both keys; a verifier given only the new key
/// names the checkpoint and the key it does not trust; an offline verifier reads the published bundle.
/// </summary>
public sealed class CheckpointKeyRotationTests : IAsyncLifetime, IDisposable
{
    private static readonly HubAuditOptions EveryEntry = new() { CheckpointEveryEntries = 1 };
    private readonly MigratedDatabaseFixture _database = new();
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("key-rotation-");

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task LogSpanningARotation_VerifiesWithThePreviousKeyConfigured()
    {
        var rotation = await CheckpointAcrossARotationAsync();
        using var rotated = rotation.Rotated;

        await using var db = _database.CreateDbContext();
        var result = await AuditRangeVerification.VerifyAsync(db, rotated.TrustedKeys, null, 1, 0, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        Assert.Equal(2, result.CheckpointsVerified);

        // What the hub published before this change: the current key alone.
        var withNewKeyOnly = await AuditRangeVerification.VerifyAsync(db, rotated.Key, null, 1, 0, CancellationToken.None);
        var problem = Assert.Single(withNewKeyOnly.Problems);
        Assert.Equal(ChainProblemKind.BadCheckpointSignature, problem.Kind);
        Assert.Equal(1, problem.Seq);
        Assert.Contains(KeyIdOf(rotation.OldPublicPath), problem.Detail, StringComparison.Ordinal);
        Assert.Contains("not one of the 1 trusted keys", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WithPreviousKeys_TrustsAndPublishesThemAfterTheCurrent()
    {
        var (currentPath, currentPublicPath) = WriteKey("current");
        var (_, firstPublicPath) = WriteKey("first");
        var (_, secondPublicPath) = WriteKey("second");

        using var key = AuditCheckpointKey.Load(currentPath, [firstPublicPath, secondPublicPath]);
        string[] expected = [.. new[] { currentPublicPath, firstPublicPath, secondPublicPath }.Select(KeyIdOf)];
        Assert.Equal(expected, key.TrustedKeys.KeyIds);
        Assert.Equal(key.KeyId, key.TrustedKeys.KeyIds[0]);

        // The published bundle is what an auditor saves and hands to 'hubctl audit verify --public-key'.
        using var published = CheckpointKeyRing.FromPem(key.TrustedKeysPem);
        Assert.Equal(expected, published.KeyIds);
    }

    [Fact]
    public void Load_PreviousKeyFileIsNotAPublicKey_RefusedNamingTheSetting()
    {
        var (currentPath, _) = WriteKey("current");
        var notAKey = Path.Combine(_directory.FullName, "not-a-key.pem");
        File.WriteAllText(notAKey, "this is not PEM\n");

        var error = Assert.Throws<InvalidOperationException>(() => AuditCheckpointKey.Load(currentPath, [notAKey]));
        Assert.Contains("Hub:Audit:PreviousPublicKeyPaths", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfflineExportAcrossARotation_VerifiesWithTheBundle()
    {
        using var rotated = (await CheckpointAcrossARotationAsync()).Rotated;
        var export = Path.Combine(_directory.FullName, "log.jsonl");
        await ExportAsync(export, rotated.KeyId);

        using var bundle = CheckpointKeyRing.FromPem(rotated.TrustedKeysPem);
        var result = await AuditExportVerification.VerifyFileAsync(export, bundle, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        Assert.Equal(2, result.CheckpointsVerified);

        using var currentOnly = CheckpointKeyRing.FromPem(rotated.PublicKeyPem);
        Assert.False((await AuditExportVerification.VerifyFileAsync(export, currentOnly, CancellationToken.None)).Succeeded);
    }

    /// <summary>An entry checkpointed with an old key, then one with a new key that trusts the old one's public half.</summary>
    private async Task<(AuditCheckpointKey Rotated, string OldPublicPath)> CheckpointAcrossARotationAsync()
    {
        var (oldKeyPath, oldPublicPath) = WriteKey("old");
        var (newKeyPath, _) = WriteKey("new");
        using (var oldKey = AuditCheckpointKey.Load(oldKeyPath))
        {
            await AppendAndCheckpointAsync("before-rotation", oldKey);
        }

        var rotated = AuditCheckpointKey.Load(newKeyPath, [oldPublicPath]);
        await AppendAndCheckpointAsync("after-rotation", rotated);
        return (rotated, oldPublicPath);
    }

    private async Task AppendAndCheckpointAsync(string callId, AuditCheckpointKey key)
    {
        await using var db = _database.CreateDbContext();
        db.AuditEntries.Add(AuditRecords.ToRecord(
            new AuditEntry { AgencyId = "hub-admin", Method = "/coordination.v1.AgenciesService/GetAgency", Decision = AuditDecision.Allowed, CallId = callId },
            TimeProvider.System));
        await db.SaveChangesAsync();
        Assert.NotEmpty(await AuditCheckpointer.CheckpointDueAsync(db, key, EveryEntry, DateTimeOffset.UtcNow, CancellationToken.None));
    }

    private async Task ExportAsync(string path, string keyId)
    {
        await using var db = _database.CreateDbContext();
        await using var stream = File.Create(path);
        await using var writer = new AuditExportWriter(stream);
        await writer.WriteHeaderAsync(new AuditExportHeader { FromSeq = 1, KeyId = keyId }, CancellationToken.None);
        foreach (var checkpoint in db.AuditCheckpoints.OrderBy(c => c.Chain).ThenBy(c => c.Seq).ToList())
        {
            await writer.WriteCheckpointAsync(AuditRecords.ToCheckpoint(checkpoint), CancellationToken.None);
        }

        foreach (var entry in db.AuditEntries.OrderBy(e => e.Chain).ThenBy(e => e.Seq).ToList())
        {
            await writer.WriteEntryAsync(AuditRecords.ToChained(entry), CancellationToken.None);
        }
    }

    private (string PrivatePath, string PublicPath) WriteKey(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var privatePath = Path.Combine(_directory.FullName, name + ".key");
        var publicPath = Path.Combine(_directory.FullName, name + ".pub.pem");
        File.WriteAllText(privatePath, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(publicPath, key.ExportSubjectPublicKeyInfoPem());
        return (privatePath, publicPath);
    }

    private static string KeyIdOf(string publicKeyPath)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(publicKeyPath));
        return CheckpointSignature.KeyIdOf(key);
    }
}
