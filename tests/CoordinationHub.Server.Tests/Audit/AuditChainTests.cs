using System.Security.Cryptography;
using CoordinationHub.Audit;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CoordinationHub.Server.Tests.Audit;

/// <summary>
/// The hash chains on real PostgreSQL: concurrent appends stay gapless and linked, a rolled-back
/// append leaves nothing, and rows edited, deleted or inserted behind the hub's back are found and
/// located. Each test has its own database: a tampered chain must not fail another test.
/// </summary>
public sealed class AuditChainTests : IAsyncLifetime
{
    private static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly MigratedDatabaseFixture _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Append_ConcurrentFromManyContexts_EveryEntryChainedWithoutGaps()
    {
        var before = await CountAsync();

        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await AppendAsync($"concurrent-{i}", ct));

        Assert.Equal(before + 200, await CountAsync());
        var result = await VerifyAsync();
        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        Assert.True(result.Chains.Count > 1, "calls spread over several lanes");
        Assert.All(result.Chains, c => Assert.Equal(c.LastSeq, c.Entries));
    }

    [Fact]
    public async Task Append_RolledBack_LeavesNoEntryAndNoGap()
    {
        var callId = "rolled-back-" + Guid.NewGuid();
        await using (var db = _database.CreateDbContext())
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Trail(db).Append(Entry(callId));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await AppendAsync(callId, CancellationToken.None);

        await using var check = _database.CreateDbContext();
        Assert.Single(await check.AuditEntries.Where(e => e.CallId == callId).ToListAsync());
        var result = await VerifyAsync();
        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
    }

    [Fact]
    public async Task Append_SealedByTheDatabase_HashIsTheCSharpEncodingsAndLinksToTheHead()
    {
        var callId = "sealed-" + Guid.NewGuid();
        await using (var db = _database.CreateDbContext())
        {
            Trail(db).Append(Entry(callId) with { Officer = "ضابط.٧", Reason = "قرأ الملف — read the file", CategoriesDisclosed = ["identity", "genetic", "circumstances"], CategoriesWithheld = [] });
            await db.SaveChangesAsync();
        }

        await using var check = _database.CreateDbContext();
        var entry = await check.AuditEntries.AsNoTracking().SingleAsync(e => e.CallId == callId);
        var previous = await check.AuditEntries.AsNoTracking().Where(e => e.Chain == entry.Chain && e.Seq == entry.Seq - 1).Select(e => e.Hash).SingleOrDefaultAsync();
        Assert.InRange(entry.Chain, 0, AuditChain.Lanes - 1);
        Assert.Equal(previous ?? AuditEntryEncoding.GenesisHash.ToArray(), entry.PrevHash);
        Assert.Equal(AuditEntryEncoding.ComputeHash(AuditRecords.ToChained(entry)), entry.Hash);
    }

    [Fact]
    public async Task Append_SealedByTheTrigger_AgreesWithTheReferenceEncodingInSql()
    {
        // The trigger spells the encoding out with built-ins (migration AuditSealCheaper);
        // audit.entry_encoding is the readable reference. Non-ASCII, empty and several categories.
        string[] callIds = ["sql-reference-a-" + Guid.NewGuid(), "sql-reference-b-" + Guid.NewGuid()];
        await using (var db = _database.CreateDbContext())
        {
            Trail(db).Append(Entry(callIds[0]) with { Officer = "ضابط.٧", Reason = "قرأ الملف — read the file 🙂", Basis = "consent:Ç-1", CategoriesDisclosed = ["identity", "genetic", "circumstances"], CategoriesWithheld = [] });
            Trail(db).Append(Entry(callIds[1]) with { Reason = string.Empty, CategoriesDisclosed = [], CategoriesWithheld = ["investigation"] });
            await db.SaveChangesAsync();
        }

        await using var check = _database.CreateDbContext();
        var agreeing = await check.Database
            .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM audit.entries e WHERE e.call_id = ANY({callIds}) AND sha256(audit.entry_encoding(e)) = e.hash")
            .SingleAsync();
        Assert.Equal(2, agreeing);
        foreach (var entry in await check.AuditEntries.AsNoTracking().Where(e => callIds.Contains(e.CallId)).ToListAsync())
        {
            Assert.Equal(AuditEntryEncoding.ComputeHash(AuditRecords.ToChained(entry)), entry.Hash);
        }
    }

    [Fact]
    public async Task Insert_ThroughTheHubsRoleWithMadeUpPosition_ResealedByTheDatabase()
    {
        var callId = "made-up-" + Guid.NewGuid();
        await using (var db = _database.CreateDbContext())
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO audit.entries (chain, seq, prev_hash, hash, occurred_at, agency_id, certificate_thumbprint, officer, method, target, decision, reason, request_id, call_id)
                VALUES (3, 1000000, sha256('x'), sha256('forged'), now(), 'interior-cid', '', 'nobody', '/coordination.v1.CasesService/GetCase', 'case:1', 'allowed', '', '', {callId})
                """);
        }

        await using var check = _database.CreateDbContext();
        var entry = await check.AuditEntries.AsNoTracking().SingleAsync(e => e.CallId == callId);
        Assert.NotEqual(1000000, entry.Seq);
        Assert.Equal(AuditEntryEncoding.ComputeHash(AuditRecords.ToChained(entry)), entry.Hash);
        var result = await VerifyAsync();
        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
    }

    [Fact]
    public async Task Update_ThroughTheHubsRole_RefusedByTheTable()
    {
        await AppendAsync("append-only", CancellationToken.None);
        await using var db = _database.CreateDbContext();

        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            db.AuditEntries.Where(e => e.CallId == "append-only").ExecuteUpdateAsync(s => s.SetProperty(e => e.Reason, "nothing happened")));

        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RowEdited_InPostgres_HashMismatchAtThatEntry()
    {
        var (chain, seq) = await AppendAndLocateAsync("edited-" + Guid.NewGuid());
        await AppendMoreOnLaneAsync(chain);

        await AuditTampering.ExecuteAsync(_database.ConnectionString,
            $"UPDATE audit.entries SET officer = 'someone-else' WHERE chain = {chain} AND seq = {seq}");

        var problem = await FirstProblemOnAsync(chain);
        Assert.Equal((chain, seq, ChainProblemKind.HashMismatch), (problem.Chain, problem.Seq, problem.Kind));
    }

    [Fact]
    public async Task RowDeleted_InPostgres_MissingSeqAtThatEntry()
    {
        var (chain, seq) = await AppendAndLocateAsync("deleted-" + Guid.NewGuid());
        await AppendMoreOnLaneAsync(chain);

        await AuditTampering.ExecuteAsync(_database.ConnectionString, $"DELETE FROM audit.entries WHERE chain = {chain} AND seq = {seq}");

        var problem = await FirstProblemOnAsync(chain);
        Assert.Equal((chain, seq, ChainProblemKind.MissingSeq), (problem.Chain, problem.Seq, problem.Kind));
    }

    [Fact]
    public async Task RowInserted_InPostgres_HashMismatchAtTheForgedEntry()
    {
        var (chain, seq) = await AppendAndLocateAsync("inserted-" + Guid.NewGuid());

        // A forged entry at the head, linked correctly, with a hash the forger made up.
        await AuditTampering.ExecuteAsync(_database.ConnectionString, $"""
            INSERT INTO audit.entries (chain, seq, prev_hash, hash, occurred_at, agency_id, certificate_thumbprint, officer, method, target, decision, reason, request_id, call_id)
            SELECT chain, seq + 1, hash, sha256('forged'), now(), 'interior-cid', '', 'nobody', '/coordination.v1.CasesService/GetCase', 'case:1', 'allowed', '', '', 'forged'
            FROM audit.entries WHERE chain = {chain} ORDER BY seq DESC LIMIT 1
            """);

        var problem = await FirstProblemOnAsync(chain);
        Assert.Equal(ChainProblemKind.HashMismatch, problem.Kind);
        Assert.Equal(chain, problem.Chain);
        Assert.True(problem.Seq > seq);
    }

    [Fact]
    public async Task ChainRewrittenWithRecomputedHashes_CheckpointMismatch()
    {
        var (chain, seq) = await AppendAndLocateAsync("rewritten-" + Guid.NewGuid());
        await using (var db = _database.CreateDbContext())
        {
            var head = await db.AuditEntries.Where(e => e.Chain == chain).OrderByDescending(e => e.Seq).FirstAsync();
            var checkpoint = CheckpointSignature.Sign(Key, chain, head.Seq, head.Hash, DateTimeOffset.UtcNow);
            db.AuditCheckpoints.Add(new Persistence.Records.AuditCheckpointRecord
            {
                Chain = chain, Seq = checkpoint.Seq, EntryHash = checkpoint.EntryHash.ToArray(), SignedAt = checkpoint.SignedAt,
                KeyId = checkpoint.KeyId, Signature = checkpoint.Signature.ToArray(),
            });
            await db.SaveChangesAsync();
        }

        // A careful forger edits the entry and recomputes every hash after it: the chain links
        // again, but the signed checkpoint still names the old head.
        await using (var db = _database.CreateDbContext())
        {
            var tail = await db.AuditEntries.AsNoTracking().Where(e => e.Chain == chain && e.Seq >= seq).OrderBy(e => e.Seq).ToListAsync();
            var prev = tail[0].PrevHash;
            var sql = new List<string>();
            foreach (var row in tail)
            {
                var forged = AuditRecords.ToChained(row) with { Officer = row.Seq == seq ? "someone-else" : row.Officer, PrevHash = prev };
                var hash = AuditEntryEncoding.ComputeHash(forged);
                sql.Add($"UPDATE audit.entries SET officer = '{forged.Officer}', prev_hash = '\\x{Convert.ToHexString(prev)}', hash = '\\x{Convert.ToHexString(hash)}' WHERE chain = {chain} AND seq = {row.Seq};");
                prev = hash;
            }

            await AuditTampering.ExecuteAsync(_database.ConnectionString, string.Join('\n', sql));
        }

        var problem = await FirstProblemOnAsync(chain);
        Assert.Equal(ChainProblemKind.CheckpointMismatch, problem.Kind);
    }

    private async Task<(int Chain, long Seq)> AppendAndLocateAsync(string callId)
    {
        await AppendAsync(callId, CancellationToken.None);
        await using var db = _database.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.CallId == callId);
        return (entry.Chain, entry.Seq);
    }

    // More entries on the same lane after the one tampered with, so damage is in the middle of the chain.
    private async Task AppendMoreOnLaneAsync(int chain)
    {
        var added = 0;
        for (var i = 0; added < 3; i++)
        {
            var callId = $"more-{Guid.NewGuid()}-{i}";
            // The call id's lane is only preferred: a save of a test running alongside may hold it.
            if (AuditChain.LaneFor(callId) == chain && (await AppendAndLocateAsync(callId)).Chain == chain)
            {
                added++;
            }
        }
    }

    private async Task<ChainProblem> FirstProblemOnAsync(int chain)
    {
        await using var db = _database.CreateDbContext();
        var result = await AuditRangeVerification.VerifyAsync(db, Key, chain, 1, 0, CancellationToken.None);
        return result.FirstProblem ?? throw new Xunit.Sdk.XunitException($"chain {chain} verified although it was tampered with");
    }

    private async Task<AuditVerificationResult> VerifyAsync()
    {
        await using var db = _database.CreateDbContext();
        return await AuditRangeVerification.VerifyAsync(db, Key, null, 1, 0, CancellationToken.None);
    }

    private async Task<int> CountAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.AuditEntries.CountAsync();
    }

    private async Task AppendAsync(string callId, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateDbContext();
        Trail(db).Append(Entry(callId));
        await db.SaveChangesAsync(cancellationToken);
    }

    private DatabaseAuditTrail Trail(HubDbContext db) => new(db, _database, TimeProvider.System);

    private static AuditEntry Entry(string callId) => new()
    {
        Method = "/coordination.v1.CasesService/GetCase",
        Decision = AuditDecision.Allowed,
        AgencyId = "forensic-dna-lab",
        Officer = "officer-7",
        Target = "case:HUB-2026-000042",
        CaseId = "HUB-2026-000042",
        Purpose = "identification",
        Basis = "consent:C-19 (family member)",
        CategoriesDisclosed = ["identity", "genetic"],
        CategoriesWithheld = ["investigation"],
        CallId = callId,
    };
}
