using System.Security.Cryptography;
using System.Text.Json;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Services.Cases;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CoordinationHub.Server.Tests.Cases;

/// <summary>
/// GetCase sends the disclosure's audit entry in one batch with the view's reads
/// (<see cref="CaseViewReads"/>, ADR 0016). On real PostgreSQL: the hand-written SELECTs return
/// exactly what EF Core's queries return; the entry is stored and sealed as SaveChanges stores it;
/// a failure anywhere in the batch keeps neither the entry nor hands out the reads; and anything
/// else staged still goes through SaveChanges.
/// </summary>
public sealed class CaseViewReadsTests : IAsyncLifetime
{
    private const string Reporter = "view-reads-police";
    private const string OtherReporter = "view-reads-family";
    private const string CaseId = "MP-2026-000001";
    private const string MergedCaseId = "MP-2026-000002";
    private const string ThirdCaseId = "MP-2026-000003";
    private readonly MigratedDatabaseFixture _database = new();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var db = _database.CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        db.Agencies.AddRange(
            new AgencyRecord { AgencyId = Reporter, DisplayName = Reporter, Kind = "POLICE", CreatedAt = now, UpdatedAt = now },
            new AgencyRecord { AgencyId = OtherReporter, DisplayName = OtherReporter, Kind = "FAMILY_ASSOCIATION", CreatedAt = now, UpdatedAt = now });
        foreach (var id in new[] { CaseId, MergedCaseId, ThirdCaseId })
        {
            db.Cases.Add(new CaseRecord { CaseId = id, Status = "OPEN", CreatedAt = now, UpdatedAt = now });
        }

        db.CaseReports.AddRange(
            Report(CaseId, CaseId, Reporter, "PD-1", now.AddMinutes(-3)),

            // Filed on the merged case and moved onto the survivor: found by its original case id.
            Report(CaseId, MergedCaseId, OtherReporter, string.Empty, now.AddMinutes(-2)),
            Report(ThirdCaseId, ThirdCaseId, Reporter, "PD-3", now.AddMinutes(-1)));
        db.DuplicateFlags.AddRange(
            new DuplicateFlagRecord { FlagId = Guid.NewGuid(), CaseId = CaseId, OtherCaseId = MergedCaseId, Score = 0.93, Reasons = ["names match across scripts", "same birth year"], State = "MERGED", ResolvedByAgencyId = Reporter, ResolutionReason = "same person", CreatedAt = now.AddMinutes(-2), ResolvedAt = now.AddMinutes(-1) },
            new DuplicateFlagRecord { FlagId = Guid.NewGuid(), CaseId = ThirdCaseId, OtherCaseId = CaseId, Score = 0.71, Reasons = ["place near"], State = "OPEN", CreatedAt = now.AddMinutes(-1) });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Theory]
    [InlineData(CaseId)]
    [InlineData(MergedCaseId)]
    [InlineData(ThirdCaseId)]
    public async Task CommitAndReadAsync_ReturnsWhatEfCoreQueriesReturn(string caseId)
    {
        await using var db = _database.CreateDbContext();
        var (reports, flags) = await CaseViewReads.CommitAndReadAsync(db, caseId, CancellationToken.None);

        var expectedReports = await db.CaseReports.AsNoTracking()
            .Where(r => r.CaseId == caseId || r.OriginalCaseId == caseId).OrderBy(r => r.ReportedAt).ThenBy(r => r.Id).ToListAsync();
        var expectedFlags = await db.DuplicateFlags.AsNoTracking()
            .Where(f => f.CaseId == caseId || f.OtherCaseId == caseId).OrderBy(f => f.CreatedAt).ThenBy(f => f.FlagId).ToListAsync();
        Assert.NotEmpty(expectedReports);
        Assert.NotEmpty(expectedFlags);
        Assert.Equal(JsonSerializer.Serialize(expectedReports), JsonSerializer.Serialize(reports));
        Assert.Equal(JsonSerializer.Serialize(expectedFlags), JsonSerializer.Serialize(flags));
    }

    [Fact]
    public async Task CommitAndReadAsync_StagedEntry_StoredAndSealedAsSaveChangesStoresIt()
    {
        await using (var batched = _database.CreateDbContext())
        {
            batched.AuditEntries.Add(Entry("batched"));
            var (reports, _) = await CaseViewReads.CommitAndReadAsync(batched, CaseId, CancellationToken.None);
            Assert.Equal(2, reports.Count);

            // Written once: a later save of the same context must not append it again.
            Assert.Empty(batched.ChangeTracker.Entries());
            await batched.SaveChangesAsync();
        }

        await using (var saved = _database.CreateDbContext())
        {
            saved.AuditEntries.Add(Entry("saved"));
            await saved.SaveChangesAsync();
        }

        await using var check = _database.CreateDbContext();
        var entries = await check.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["batched", "saved"], entries.Select(e => e.CallId));
        Assert.Equal(Comparable(entries[1]), Comparable(entries[0]));
        Assert.All(entries, e => Assert.Equal(32, e.Hash.Length));
        await AssertChainVerifiesAsync(check);
    }

    [Fact]
    public async Task CommitAndReadAsync_EntryRefused_NoReadsHandedOut()
    {
        await using (var db = _database.CreateDbContext())
        {
            // audit.entries.method holds 200 characters: the INSERT fails before the SELECTs run.
            var refused = Entry("refused");
            refused.Method = new string('m', 201);
            db.AuditEntries.Add(refused);
            await Assert.ThrowsAsync<PostgresException>(() => CaseViewReads.CommitAndReadAsync(db, CaseId, CancellationToken.None));
        }

        await using var check = _database.CreateDbContext();
        Assert.False(await check.AuditEntries.AnyAsync());
    }

    [Fact]
    public async Task CommitAndReadAsync_ReadFails_EntryRolledBack()
    {
        await using (var db = _database.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE cases.duplicate_flags RENAME TO duplicate_flags_gone");
            db.AuditEntries.Add(Entry("read-fails"));
            await Assert.ThrowsAsync<PostgresException>(() => CaseViewReads.CommitAndReadAsync(db, CaseId, CancellationToken.None));
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE cases.duplicate_flags_gone RENAME TO duplicate_flags");
        }

        // The entry was sent first, in the same implicit transaction: the failed SELECT took it back.
        await using var check = _database.CreateDbContext();
        Assert.False(await check.AuditEntries.AnyAsync());
        await using var again = _database.CreateDbContext();
        again.AuditEntries.Add(Entry("after-failure"));
        await CaseViewReads.CommitAndReadAsync(again, CaseId, CancellationToken.None);
        Assert.Equal(1, (await check.AuditEntries.AsNoTracking().SingleAsync()).Seq);
    }

    [Fact]
    public async Task CommitAndReadAsync_OtherChangesStaged_SavedWithTheirEntryFirst()
    {
        await using (var db = _database.CreateDbContext())
        {
            db.CaseEvents.Add(new CaseEventRecord { CaseId = CaseId, OccurredAt = DateTimeOffset.UtcNow, AgencyId = Reporter, Description = "history read" });
            db.AuditEntries.Add(Entry("with-event"));
            var (reports, flags) = await CaseViewReads.CommitAndReadAsync(db, CaseId, CancellationToken.None);
            Assert.Equal(2, reports.Count);
            Assert.Equal(2, flags.Count);
        }

        await using var check = _database.CreateDbContext();
        Assert.Equal(1, await check.CaseEvents.CountAsync());
        Assert.Equal("with-event", (await check.AuditEntries.SingleAsync()).CallId);
        await AssertChainVerifiesAsync(check);
    }

    private static CaseReportRecord Report(string caseId, string originalCaseId, string agencyId, string reference, DateTimeOffset at) => new()
    {
        CaseId = caseId,
        OriginalCaseId = originalCaseId,
        AgencyId = agencyId,
        LocalReference = reference,
        ReportedAt = at,
        RequestId = Guid.NewGuid().ToString(),
        RequestHash = new string('a', 64),
        CreatedCase = caseId == originalCaseId,
    };

    private static AuditRecord Entry(string callId) => AuditRecords.ToRecord(
        new AuditEntry
        {
            AgencyId = "view-reads-lab",
            CertificateThumbprint = new string('c', 64),
            Officer = "officer 7",
            Method = "/coordination.v1.Cases/GetCase",
            Target = "case:" + CaseId,
            CaseId = CaseId,
            Purpose = "identification",
            Decision = AuditDecision.Allowed,
            Basis = "consent:1 referral:2",
            Reason = "disclosed for identification",
            CategoriesDisclosed = ["genetic", "identity"],
            CategoriesWithheld = ["investigation"],
            RequestId = "request-1",
            CallId = callId,
        },
        TimeProvider.System);

    // Everything but what tells two entries apart: storage id, lane, position, hashes, time and call id.
    private static string Comparable(AuditRecord record) => JsonSerializer.Serialize(new
    {
        record.AgencyId,
        record.CertificateThumbprint,
        record.Officer,
        record.Method,
        record.Target,
        record.CaseId,
        record.Purpose,
        record.Decision,
        record.Basis,
        record.Reason,
        record.CategoriesDisclosed,
        record.CategoriesWithheld,
        record.RequestId,
    });

    private static async Task AssertChainVerifiesAsync(HubDbContext db)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var result = await AuditRangeVerification.VerifyAsync(db, key, null, 1, 0, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
    }
}
