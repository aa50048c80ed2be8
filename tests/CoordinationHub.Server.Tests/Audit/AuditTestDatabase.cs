using System.Security.Cryptography;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Server.Tests.Audit;

/// <summary>What the audit tests on a bare migrated database (no hub) share: an agency to change, and the check that every chain verifies.</summary>
internal static class AuditTestDatabase
{
    /// <summary>Registers one active agency with scope cases.read straight in the table.</summary>
    public static async Task SeedAgencyAsync(this MigratedDatabaseFixture database, string agencyId)
    {
        await using var db = database.CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        db.Agencies.Add(new AgencyRecord { AgencyId = agencyId, DisplayName = agencyId, Kind = "POLICE", Scopes = ["cases.read"], CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Every chain of the log verifies from its genesis; returns how many entries that was. The key
    /// is a throwaway: these tests sign no checkpoints, so only the chains are checked.
    /// </summary>
    public static async Task<long> AssertChainsVerifyAsync(this MigratedDatabaseFixture database)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var db = database.CreateDbContext();
        var result = await AuditRangeVerification.VerifyAsync(db, key, null, 1, 0, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        return result.EntriesVerified;
    }
}
