using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Server.Tests.Infrastructure;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CoordinationHub.Server.Tests.Audit;

/// <summary>
/// An agency's version is enforced by the database (trigger trust.agency_version_guard, ADR 0018),
/// so an audited agency update commits with its entry in one batch, without EF Core's transaction.
/// On real PostgreSQL: that save is one implicit transaction; a writer that lost the race gets
/// serialization_failure and neither its change nor its audit entry is stored; an UPDATE that
/// names no version (an operator's) is not refused.
/// </summary>
public sealed class AgencyVersionGuardTests : IAsyncLifetime
{
    private const string AgencyId = "guarded-agency";
    private readonly MigratedDatabaseFixture _database = new();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedAgencyAsync(AgencyId);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task AuditedUpdate_OneBatchWithoutTransaction_StoredWithItsEntry()
    {
        var transactions = new TransactionCounter();
        await using (var db = _database.CreateDbContext(transactions))
        {
            var agency = await db.Agencies.SingleAsync(a => a.AgencyId == AgencyId);
            agency.Scopes = ["cases.read", "cases.write"];
            db.AuditEntries.Add(Entry("update"));
            Assert.True(OneBatchSaves.Qualifies(db));
            await db.SaveChangesAsync();
            Assert.NotEqual(0u, agency.Version);
        }

        Assert.Equal(0, transactions.Started);
        await using var check = _database.CreateDbContext();
        var stored = await check.Agencies.AsNoTracking().SingleAsync(a => a.AgencyId == AgencyId);
        Assert.Equal(["cases.read", "cases.write"], stored.Scopes);
        Assert.Null(stored.ExpectedVersion);
        Assert.True(await check.AuditEntries.AnyAsync(e => e.CallId == "update"));
    }

    [Fact]
    public async Task AuditedUpdate_LostTheRace_NeitherChangeNorEntryStored()
    {
        await using var loser = _database.CreateDbContext();
        var stale = await loser.Agencies.SingleAsync(a => a.AgencyId == AgencyId);

        await using (var winner = _database.CreateDbContext())
        {
            var fresh = await winner.Agencies.SingleAsync(a => a.AgencyId == AgencyId);
            fresh.Scopes = ["referrals.read"];
            winner.AuditEntries.Add(Entry("winner"));
            await winner.SaveChangesAsync();
        }

        stale.Scopes = ["agencies.admin"];
        loser.AuditEntries.Add(Entry("loser"));
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => loser.SaveChangesAsync());
        Assert.Equal(DatabaseGuardedVersions.LostRaceSqlState, Assert.IsType<PostgresException>(error.InnerException).SqlState);

        await using var check = _database.CreateDbContext();
        Assert.Equal(["referrals.read"], (await check.Agencies.AsNoTracking().SingleAsync(a => a.AgencyId == AgencyId)).Scopes);
        Assert.True(await check.AuditEntries.AnyAsync(e => e.CallId == "winner"));
        Assert.False(await check.AuditEntries.AnyAsync(e => e.CallId == "loser"));
    }

    [Fact]
    public async Task UpdateNamingNoVersion_NotRefused()
    {
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("UPDATE trust.agencies SET display_name = 'renamed by hand' WHERE agency_id = {0}", AgencyId));
    }

    private static AuditRecord Entry(string callId) => AuditRecords.ToRecord(
        new AuditEntry { AgencyId = "hub-admin", Method = "/coordination.v1.AgenciesService/UpdateAgencyClaims", Target = "agency:" + AgencyId, Decision = AuditDecision.Allowed, Reason = "claims updated", CallId = callId },
        TimeProvider.System);
}
