using CoordinationHub.Audit;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoordinationHub.Server.Tests.Audit;

/// <summary>
/// Entries sealed by the replica on the chains of the sealer slot it owns (docs/adr/0021), on real
/// PostgreSQL: a save that ends its own transaction is sealed here and verifies; a failed save
/// leaves neither entry nor gap; a position taken behind the replica's back is refused whole by the
/// unique index and the replica resumes after it; a caller's transaction goes to a database-sealed
/// lane; a lost session falls back to the lanes and takes a slot again; a fifth replica finds no
/// slot; the trigger refuses unsealed rows on owned chains and chains outside the log.
/// </summary>
public sealed class HubSealedChainTests : IAsyncLifetime
{
    private const string AgencyId = "sealed-agency";
    private const string UpdateClaims = "/coordination.v1.AgenciesService/UpdateAgencyClaims";
    private readonly MigratedDatabaseFixture _database = new();
    private readonly List<AuditChainOwnership> _sealers = [];

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.SeedAgencyAsync(AgencyId);
    }

    public async Task DisposeAsync()
    {
        foreach (var sealer in _sealers)
        {
            await sealer.StopAsync(CancellationToken.None);
            sealer.Dispose();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task SaveEndingItsOwnTransaction_SealedByTheReplicaOnItsChain()
    {
        var sealer = await StartSealerAsync();
        var owned = sealer.Current!;

        await UpdateClaimsAsync(sealer, "call-a", ["cases.read", "cases.write"]);
        await UpdateClaimsAsync(sealer, "call-a", ["cases.read"]);

        await using var check = _database.CreateDbContext();
        var entries = await check.AuditEntries.OrderBy(e => e.Id).ToListAsync();
        var chain = owned.FirstChain + AuditChain.LaneFor("call-a", AuditChain.ChainsPerSlot);
        Assert.Equal([(chain, 1L), (chain, 2L)], entries.Select(e => (e.Chain, e.Seq)));
        Assert.Equal(AuditEntryEncoding.GenesisHash.ToArray(), entries[0].PrevHash);
        Assert.Equal(entries[0].Hash, entries[1].PrevHash);
        Assert.Equal(["cases.read"], (await check.Agencies.SingleAsync(a => a.AgencyId == AgencyId)).Scopes);
        Assert.Equal(2, await _database.AssertChainsVerifyAsync());
    }

    [Fact]
    public async Task ConcurrentSaves_NoPositionTakenTwice_EveryChainVerifies()
    {
        var sealer = await StartSealerAsync();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(async w =>
        {
            for (var i = 0; i < 5; i++)
            {
                await using var db = Context(sealer);
                db.AuditEntries.Add(Entry($"worker-{w}"));
                db.AuditEntries.Add(Entry($"worker-{w}"));
                await db.SaveChangesAsync();
            }
        }));

        await using var check = _database.CreateDbContext();
        var chains = await check.AuditEntries.Select(e => e.Chain).Distinct().ToListAsync();
        Assert.Contains(chains, c => c >= sealer.Current!.FirstChain);
        Assert.Equal(400, await _database.AssertChainsVerifyAsync());
    }

    [Fact]
    public async Task FailedSave_NoEntry_AndTheChainGoesOnWithoutAGap()
    {
        var sealer = await StartSealerAsync();
        await UpdateClaimsAsync(sealer, "call-f", ["cases.read", "cases.write"]);

        await using (var db = Context(sealer))
        {
            var tooLong = Entry("call-f");
            tooLong.Officer = new string('x', 201);
            db.AuditEntries.AddRange(Entry("call-f"), tooLong);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await WaitForKnownHeadsAsync(sealer);
        await UpdateClaimsAsync(sealer, "call-f", ["cases.read"]);

        await using var check = _database.CreateDbContext();
        Assert.Equal([1L, 2L], await check.AuditEntries.OrderBy(e => e.Seq).Select(e => e.Seq).ToListAsync());
        Assert.Equal(2, await _database.AssertChainsVerifyAsync());
    }

    [Fact]
    public async Task PositionTakenBehindTheReplicasBack_SaveRefusedWhole_ThenResumesAfterIt()
    {
        var sealer = await StartSealerAsync();
        await UpdateClaimsAsync(sealer, "call-t", ["cases.read", "cases.write"]);
        await using (var db = _database.CreateDbContext())
        {
            // What a replica that took the slot over would have written at the next position.
            var first = await db.AuditEntries.SingleAsync();
            var other = Entry("another-replica");
            (other.Chain, other.Seq, other.PrevHash) = (first.Chain, 2, first.Hash);
            other.Hash = AuditEntryEncoding.ComputeHash(AuditRecords.ToChained(other));
            await InsertAsIsAsync(db, other);
        }

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => UpdateClaimsAsync(sealer, "call-t", ["cases.write"]));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(refused.InnerException).SqlState);
        await using (var check = _database.CreateDbContext())
        {
            Assert.Equal(["cases.read", "cases.write"], (await check.Agencies.SingleAsync(a => a.AgencyId == AgencyId)).Scopes);
        }

        await WaitForKnownHeadsAsync(sealer);
        await UpdateClaimsAsync(sealer, "call-t", ["cases.write"]);
        await using var after = _database.CreateDbContext();
        Assert.Equal(3, (await after.AuditEntries.SingleAsync(e => e.CallId == "call-t" && e.Seq > 1)).Seq);
        Assert.Equal(3, await _database.AssertChainsVerifyAsync());
    }

    [Fact]
    public async Task SaveInsideACallersTransaction_SealedByTheDatabaseOnALane()
    {
        var sealer = await StartSealerAsync();
        await using (var db = Context(sealer))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.AuditEntries.Add(Entry("in-transaction"));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        await using var check = _database.CreateDbContext();
        var entry = await check.AuditEntries.SingleAsync();
        Assert.InRange(entry.Chain, 0, AuditChain.Lanes - 1);
        Assert.Equal(1, entry.Seq);
        Assert.Equal(1, await _database.AssertChainsVerifyAsync());
    }

    [Fact]
    public async Task SessionLost_EntriesGoToTheLanes_UntilASlotIsTakenAgain()
    {
        var sealer = await StartSealerAsync();
        var lost = sealer.Current!;
        await using (var db = _database.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'coordinationhub-audit-sealer' AND datname = current_database()");
        }

        var calls = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (sealer.Current is not { } again || ReferenceEquals(again, lost) || again.UnknownChains().Count > 0)
        {
            stop.Token.ThrowIfCancellationRequested();
            await UpdateClaimsAsync(sealer, $"during-{calls++}", calls % 2 == 0 ? ["cases.read"] : ["cases.write"]);
        }

        Assert.False(lost.Owned);
        await UpdateClaimsAsync(sealer, "after", ["cases.read"]);
        await using var check = _database.CreateDbContext();
        Assert.True(await check.AuditEntries.AnyAsync(e => e.Chain < AuditChain.Lanes), "entries went to the lanes while no slot was owned");
        Assert.True(await check.AuditEntries.AnyAsync(e => e.CallId == "after" && e.Chain >= AuditChain.Lanes));
        Assert.Equal(calls + 1, await _database.AssertChainsVerifyAsync());
    }

    [Fact]
    public async Task FiveReplicas_FourTakeASlotEach_TheFifthWhenOneStops()
    {
        var sealers = new List<AuditChainOwnership>();
        for (var i = 0; i < AuditChain.SealerSlots; i++)
        {
            sealers.Add(await StartSealerAsync());
        }

        var fifth = await StartSealerAsync(waitForSlot: false);
        await Task.Delay(300);

        Assert.Equal(Enumerable.Range(0, AuditChain.SealerSlots), sealers.Select(s => s.Current!.Slot).Order());
        Assert.Null(fifth.Current);
        await using (var db = Context(fifth))
        {
            db.AuditEntries.Add(Entry("fifth"));
            await db.SaveChangesAsync();
        }

        var freed = sealers[2].Current!.Slot;
        await sealers[2].StopAsync(CancellationToken.None);
        await WaitForKnownHeadsAsync(fifth);
        Assert.Equal(freed, fifth.Current!.Slot);
        await using var check = _database.CreateDbContext();
        Assert.InRange((await check.AuditEntries.SingleAsync(e => e.CallId == "fifth")).Chain, 0, AuditChain.Lanes - 1);
    }

    [Theory]
    [InlineData(AuditChain.Lanes, 0)]
    [InlineData(AuditChain.Count - 1, 0)]
    [InlineData(AuditChain.Count, 1)]
    [InlineData(-1, 1)]
    public async Task RowTheDatabaseMayNotSeal_Refused(int chain, long seq)
    {
        var row = Entry("made-up");
        (row.Chain, row.Seq, row.PrevHash, row.Hash) = (chain, seq, new byte[32], new byte[32]);
        await using var db = _database.CreateDbContext();

        var refused = await Assert.ThrowsAsync<PostgresException>(() => InsertAsIsAsync(db, row));

        Assert.Equal(PostgresErrorCodes.CheckViolation, refused.SqlState);
        Assert.False(await db.AuditEntries.AnyAsync());
    }

    private async Task<AuditChainOwnership> StartSealerAsync(bool waitForSlot = true)
    {
        var sealer = new AuditChainOwnership(
            Options.Create(new HubDatabaseOptions { ConnectionString = _database.ConnectionString }),
            Options.Create(new HubAuditOptions { SealerPollInterval = TimeSpan.FromMilliseconds(50) }),
            NullLogger<AuditChainOwnership>.Instance);
        _sealers.Add(sealer);
        await sealer.StartAsync(CancellationToken.None);
        if (waitForSlot)
        {
            await WaitForKnownHeadsAsync(sealer);
        }

        return sealer;
    }

    private static async Task WaitForKnownHeadsAsync(AuditChainOwnership sealer)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (sealer.Current is not { } owned || owned.UnknownChains().Count > 0)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private HubDbContext Context(AuditChainOwnership sealer)
    {
        var options = new DbContextOptionsBuilder<HubDbContext>();
        HubDatabase.Configure(options, _database.ConnectionString, sealer);
        return new HubDbContext(options.Options);
    }

    private async Task UpdateClaimsAsync(AuditChainOwnership sealer, string callId, List<string> scopes)
    {
        await using var db = Context(sealer);
        var agency = await db.Agencies.SingleAsync(a => a.AgencyId == AgencyId);
        agency.Scopes = scopes;
        db.AuditEntries.Add(Entry(callId));
        await db.SaveChangesAsync();
    }

    // Through the hub's role, bypassing the context's placement: the row goes in exactly as given.
    private static async Task InsertAsIsAsync(HubDbContext db, AuditRecord row)
    {
        var insert = AuditInsertSql.For(db.Model);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(insert.Positional, connection);
        foreach (var parameter in insert.Parameters(row))
        {
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static AuditRecord Entry(string callId) => AuditRecords.ToRecord(
        new AuditEntry { AgencyId = "hub-admin", Method = UpdateClaims, Target = "agency:" + AgencyId, Decision = AuditDecision.Allowed, Reason = "claims updated", CallId = callId },
        TimeProvider.System);
}
