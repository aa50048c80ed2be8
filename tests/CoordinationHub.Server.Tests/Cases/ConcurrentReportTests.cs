using CoordinationHub.Testing.Hub;
using Npgsql;

namespace CoordinationHub.Server.Tests.Cases;

/// <summary>
/// Two agencies report the same person at the same moment: each report's candidate search must not
/// miss the other's case for want of seeing it committed (DuplicateReportLocks).
/// </summary>
public sealed class ConcurrentReportTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    [Fact]
    public async Task Report_SamePersonByTwoAgenciesAtOnce_OneFlaggedAsDuplicateOfTheOther()
    {
        var (arabic, latin) = SyntheticCases.ArabicThenLatin(seed: 201);
        using var police = await CasesApi.SignInAsync(hub, "police");
        using var ngo = await CasesApi.SignInAsync(hub, "ngo");

        // A share lock on the cases table stops both reports at their insert, after their candidate
        // searches (or their wait before one), so they overlap for certain, not by timing luck.
        await using var blocker = new NpgsqlConnection(hub.ConnectionString);
        await blocker.OpenAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await ExecuteAsync(blocker, "LOCK TABLE cases.cases IN SHARE MODE");
        var reports = new[] { police.ReportAsync(SyntheticReports.Sections(arabic)), ngo.ReportAsync(SyntheticReports.Sections(latin)) };
        await WaitUntilWaitingAsync(hub.ConnectionString, sessions: 2, reports);
        await hold.CommitAsync();
        var responses = await Task.WhenAll(reports);

        Assert.All(responses, r => Assert.True(r.Created));
        var flagged = Assert.Single(responses, r => r.PossibleDuplicates.Count > 0);
        var other = Assert.Single(responses, r => r != flagged);
        Assert.Single(flagged.PossibleDuplicates);
        await using var read = new NpgsqlCommand("SELECT case_id, other_case_id FROM cases.duplicate_flags", blocker);
        await using var rows = await read.ExecuteReaderAsync();
        Assert.True(await rows.ReadAsync());
        Assert.Equal((flagged.Case.CaseId, other.Case.CaseId), (rows.GetString(0), rows.GetString(1)));
        Assert.False(await rows.ReadAsync());
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    // Polls until that many other sessions of this database wait for a lock; a condition, not a timing.
    // A report that ends instead of waiting (an error) is reported as what it is, not as a timeout.
    // From a connection of its own, outside any transaction: PostgreSQL takes pg_stat_activity's
    // snapshot at its first use in a transaction and keeps it to the end, so polling from the
    // blocker's transaction never saw a report whose connection the hub opened after the first
    // poll, and waited for it in vain (the failure of CI runs with a separate hub pool, ADR 0017).
    private static async Task WaitUntilWaitingAsync(string connectionString, int sessions, IReadOnlyList<Task> reports)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(DISTINCT l.pid) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database() AND l.pid <> pg_backend_pid()",
            connection);
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if ((long)(await count.ExecuteScalarAsync())! >= sessions)
            {
                return;
            }

            if (reports.FirstOrDefault(r => r.IsCompleted) is { } ended)
            {
                await ended;
                Assert.Fail("a report completed while the cases table was locked against its insert");
            }

            await Task.Delay(50);
        }

        Assert.Fail($"{sessions} reports never both reached a lock wait");
    }
}
