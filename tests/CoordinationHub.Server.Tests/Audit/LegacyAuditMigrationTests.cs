using System.Security.Cryptography;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CoordinationHub.Server.Tests.Audit;

/// <summary>Rows written before the chain existed are sealed by the migration in SQL, and verify with the C# verifier.</summary>
public sealed class LegacyAuditMigrationTests : IAsyncLifetime
{
    private readonly PostgresDatabaseFixture _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Migrate_RowsFromBeforeTheChain_SealedIntoChainZeroAndVerify()
    {
        await using (var db = HubDatabase.Open(_database.ConnectionString))
        {
            await db.GetService<IMigrator>().MigrateAsync("20261123171318_CasesAndReferrals");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO audit.entries (occurred_at, agency_id, certificate_thumbprint, officer, method, target, decision, reason, request_id, call_id) VALUES
                ('2026-11-20 10:00:00.123456+00', 'hub-admin', 'ab', 'night-operator', 'hubctl admin bootstrap', 'agency:hub-admin', 'allowed', 'bootstrapped', '', ''),
                ('2026-11-20 10:01:00+00', '', '', '', '/connect/token', '', 'denied', 'invalid_client: ünknown certificate', '', '0HN1'),
                ('2026-11-20 10:02:00.5+00', 'hub-admin', 'ab', 'ali', '/coordination.v1.AgenciesService/RegisterAgency', 'agency:dna-lab', 'allowed', 'registered', 'r-1', '0HN2')
                """);
        }

        await using var migrated = HubDatabase.Open(_database.ConnectionString);
        await HubDatabase.MigrateAsync(migrated, CancellationToken.None);

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var result = await AuditRangeVerification.VerifyAsync(migrated, key, null, 1, 0, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        Assert.Equal(new[] { 1L, 2L, 3L }, await migrated.AuditEntries.Where(e => e.Chain == 0).OrderBy(e => e.Id).Select(e => e.Seq).ToArrayAsync());
    }
}
