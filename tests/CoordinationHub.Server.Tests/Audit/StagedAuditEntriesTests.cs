using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CoordinationHub.Server.Tests.Audit;

/// <summary>
/// Entries appended through the audit trail are staged in the context, outside EF Core's change
/// tracker, and follow the same rules as a tracked change: written by the next save with what they
/// record, pending again after a failed save, gone with <see cref="HubDbContext.DiscardChanges"/>
/// and with the context's return to the pool; a read batch that takes them gives them back if it fails.
/// </summary>
public sealed class StagedAuditEntriesTests : IAsyncLifetime
{
    private const string AgencyId = "staged-agency";
    private readonly MigratedDatabaseFixture _database = new();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedAgencyAsync(AgencyId);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task AppendedWithAChange_NeverTracked_WrittenWithIt()
    {
        await using (var db = _database.CreateDbContext())
        {
            await RenameAsync(db, "renamed");
            new DatabaseAuditTrail(db, _database, TimeProvider.System).Append(Entry("with-change"));
            Assert.Empty(db.ChangeTracker.Entries<AuditRecord>());

            Assert.Equal(2, await db.SaveChangesAsync());
            Assert.Null(db.TakeStagedAuditEntries());
        }

        await AssertStoredAsync(["with-change"], displayName: "renamed");
    }

    [Fact]
    public async Task StagedAlone_WrittenByTheSave()
    {
        await using (var db = _database.CreateDbContext())
        {
            db.StageAuditEntry(Record("alone"));
            Assert.Equal(1, await db.SaveChangesAsync());
        }

        await AssertStoredAsync(["alone"], displayName: AgencyId);
    }

    [Fact]
    public async Task DiscardChanges_DropsTheStagedEntryWithTheChange()
    {
        await using (var db = _database.CreateDbContext())
        {
            await RenameAsync(db, "discarded");
            db.StageAuditEntry(Record("discarded"));

            db.DiscardChanges();

            Assert.Equal(0, await db.SaveChangesAsync());
        }

        await AssertStoredAsync([], displayName: AgencyId);
    }

    [Fact]
    public async Task FailedSave_StagedEntryPendingAgain_WrittenByTheNextSave()
    {
        await using (var db = _database.CreateDbContext())
        {
            await RenameAsync(db, "second try");
            var entry = Record("retried");
            entry.Officer = new string('o', 201);
            db.StageAuditEntry(entry);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            await AssertStoredAsync([], displayName: AgencyId);

            entry.Officer = "officer-1";
            Assert.Equal(2, await db.SaveChangesAsync());
        }

        await AssertStoredAsync(["retried"], displayName: "second try");
    }

    [Fact]
    public async Task PooledContextReturned_NothingStagedReachesTheNextCall()
    {
        var options = new DbContextOptionsBuilder<HubDbContext>();
        HubDatabase.Configure(options, _database.ConnectionString);
        var pool = new PooledDbContextFactory<HubDbContext>(options.Options, poolSize: 1);
        HubDbContext first;
        await using (first = pool.CreateDbContext())
        {
            first.StageAuditEntry(Record("abandoned"));
        }

        await using (var next = pool.CreateDbContext())
        {
            Assert.Same(first, next);
            Assert.Equal(0, await next.SaveChangesAsync());
        }

        await AssertStoredAsync([], displayName: AgencyId);
    }

    [Fact]
    public async Task ReadBatchNotWritten_StagedEntriesGivenBack()
    {
        await using (var db = _database.CreateDbContext())
        {
            db.StageAuditEntry(Record("read-1"));
            using (var taken = StagedAuditInserts.TryTake(db)!)
            {
                Assert.Single(taken.Commands);
                Assert.Null(db.TakeStagedAuditEntries());
            }

            db.StageAuditEntry(Record("read-2"));
            Assert.Equal(2, await db.SaveChangesAsync());
        }

        await AssertStoredAsync(["read-1", "read-2"], displayName: AgencyId);
    }

    private static async Task RenameAsync(HubDbContext db, string displayName) =>
        (await db.Agencies.SingleAsync(a => a.AgencyId == AgencyId)).DisplayName = displayName;

    private async Task AssertStoredAsync(string[] callIds, string displayName)
    {
        await using var db = _database.CreateDbContext();
        Assert.Equal(callIds, await db.AuditEntries.OrderBy(e => e.Seq).Select(e => e.CallId).ToListAsync());
        Assert.Equal(displayName, (await db.Agencies.SingleAsync(a => a.AgencyId == AgencyId)).DisplayName);
        await _database.AssertChainsVerifyAsync();
    }

    private static AuditRecord Record(string callId) => AuditRecords.ToRecord(Entry(callId), TimeProvider.System);

    private static AuditEntry Entry(string callId) => new()
    {
        AgencyId = "hub-admin", Method = "/coordination.v1.AgenciesService/UpdateAgencyClaims", Target = "agency:" + AgencyId,
        Decision = AuditDecision.Allowed, Reason = "renamed", CallId = callId,
    };
}
