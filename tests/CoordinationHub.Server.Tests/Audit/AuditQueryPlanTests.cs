using CoordinationHub.Contracts.V1;
using CoordinationHub.Server.Services.Audit;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Tests.Audit;

/// <summary>
/// The auditor's paged query stays one ordered index scan however old the matching entries are: a
/// revoked agency, an officer who left, a case closed years ago sit at the far end of the log, and
/// a plan that walks the primary key back to them reads the whole log first. On real PostgreSQL
/// with 100,000 entries, the matching ones all among the oldest.
/// </summary>
public sealed class AuditQueryPlanTests : IAsyncLifetime
{
    private const int Entries = 100_000;
    private const int OldestFifth = Entries / 5;
    private const int Spacing = 20;
    private const int PageSize = 50;
    private const string OldAgency = "revoked-lab";
    private const string OldOfficer = "officer.who.left";
    private const string OldCase = "MP-2019-000042";
    private readonly MigratedDatabaseFixture _database = new();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();

        // Written as rows, not through the seal: the plan is the subject here, not the chain. One
        // entry in 20 of the oldest fifth of the log, and none after, is the old agency's,
        // officer's and case's: enough that the planner, keyed by time, expected to meet a page of
        // them soon walking the primary key back from the newest entry.
        await AuditTampering.ExecuteAsync(_database.ConnectionString, $"""
            INSERT INTO audit.entries (occurred_at, agency_id, certificate_thumbprint, officer, method, target, decision, reason, request_id, call_id, case_id, chain, seq)
            SELECT timestamptz '2026-01-01' + g * interval '1 second',
                   CASE WHEN g % {Spacing} = 0 AND g < {OldestFifth} THEN '{OldAgency}' ELSE 'agency-' || g % 40 END, repeat('0', 64),
                   CASE WHEN g % {Spacing} = 0 AND g < {OldestFifth} THEN '{OldOfficer}' ELSE 'officer-' || g % 400 END,
                   '/coordination.v1.CasesService/GetCase', 'case', 'allowed', 'read', '', 'call-' || g,
                   CASE WHEN g % {Spacing} = 0 AND g < {OldestFifth} THEN '{OldCase}' WHEN g % 3 = 0 THEN 'MP-2026-' || g % 5000 ELSE '' END,
                   g % 16, g / 16 + 1
            FROM generate_series(0, {Entries - 1}) g;
            ANALYZE audit.entries;
            """);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    /// <summary>The column each filter matches, which names its index too.</summary>
    public static TheoryData<string> Filters => ["agency_id", "officer", "case_id"];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Page_EntriesOnlyAtTheFarEndOfTheLog_ReadInIndexOrderWithoutASort(string filter)
    {
        var request = Request(filter);
        await using var db = _database.CreateDbContext();
        await using var command = AuditQuery.Page(db.AuditEntries.AsNoTracking(), request, PageSize).CreateDbCommand();
        command.CommandText = "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + command.CommandText;
        await db.Database.OpenConnectionAsync();
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        var text = string.Join('\n', plan);
        Assert.Contains($"Index Scan Backward using \"IX_entries_{filter}_id\"", text);
        Assert.DoesNotContain("Sort", text);
        Assert.DoesNotContain("Rows Removed by Filter", text);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Page_EntriesOnlyAtTheFarEndOfTheLog_TheNewestOfThemFirst(string filter)
    {
        await using var db = _database.CreateDbContext();

        var page = await AuditQuery.Page(db.AuditEntries.AsNoTracking(), Request(filter), PageSize).ToListAsync();

        Assert.Equal(PageSize + 1, page.Count);
        Assert.All(page, e => Assert.Equal((OldAgency, OldOfficer, OldCase), (e.AgencyId, e.Officer, e.CaseId)));
        Assert.Equal(page.Select(e => e.Id).OrderDescending(), page.Select(e => e.Id));
        var newest = await db.AuditEntries.Where(e => e.AgencyId == OldAgency).MaxAsync(e => e.Id);
        Assert.Equal(newest, page[0].Id);
    }

    private static QueryEntriesRequest Request(string filter) => filter switch
    {
        "agency_id" => new QueryEntriesRequest { AgencyId = OldAgency },
        "officer" => new QueryEntriesRequest { Officer = OldOfficer },
        "case_id" => new QueryEntriesRequest { CaseId = OldCase },
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "not a filter of this test"),
    };
}
