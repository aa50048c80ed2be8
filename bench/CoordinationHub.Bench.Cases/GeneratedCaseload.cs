using System.Diagnostics;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Synthetic;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Services.Cases;
using Npgsql;
using NpgsqlTypes;

namespace CoordinationHub.Bench.Cases;

/// <summary>
/// Generates cases with the Domain's seeded generator and bulk-loads them with binary COPY, each row
/// built by the service's own code (sections as JSON columns, name keys and terms, phonetic name, birth year).
/// The candidate indexes are dropped for the load and rebuilt after it, as an operator would for an
/// initial migration of a national caseload.
/// </summary>
internal static class GeneratedCaseload
{
    private static readonly DateTimeOffset Opened = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Loads <paramref name="count"/> cases; returns the persons behind the cases at <paramref name="sampled"/> (by index).</summary>
    public static async Task<Dictionary<int, SyntheticPerson>> LoadAsync(string connectionString, int count, int seed, IReadOnlySet<int> sampled)
    {
        var kept = new Dictionary<int, SyntheticPerson>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, """DROP INDEX cases."IX_cases_name_terms"; DROP INDEX cases."IX_cases_name_year_terms"; DROP INDEX cases."IX_cases_name_search"; DROP INDEX cases."IX_cases_created_at";""");

        var clock = Stopwatch.StartNew();
        await using (var import = await connection.BeginBinaryImportAsync(
            "COPY cases.cases (case_id, status, merged_into_case_id, identity, circumstances, name_keys, name_terms, name_year_terms, name_search, birth_year, created_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (i, person) in Generate(count, seed))
            {
                if (sampled.Contains(i))
                {
                    kept[i] = person;
                }

                var record = Row(i, person);
                await import.StartRowAsync();
                await import.WriteAsync(record.CaseId, NpgsqlDbType.Varchar);
                await import.WriteAsync(record.Status, NpgsqlDbType.Varchar);
                await import.WriteAsync(record.MergedIntoCaseId, NpgsqlDbType.Varchar);
                await import.WriteAsync(record.Identity, NpgsqlDbType.Jsonb);
                await import.WriteAsync(record.Circumstances, NpgsqlDbType.Jsonb);
                await import.WriteAsync(record.NameKeys.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await import.WriteAsync(record.NameTerms.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await import.WriteAsync(record.NameYearTerms.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await import.WriteAsync(record.NameSearch, NpgsqlDbType.Text);
                if (record.BirthYear is { } year)
                {
                    await import.WriteAsync(year, NpgsqlDbType.Integer);
                }
                else
                {
                    await import.WriteNullAsync();
                }

                await import.WriteAsync(record.CreatedAt, NpgsqlDbType.TimestampTz);
                await import.WriteAsync(record.UpdatedAt, NpgsqlDbType.TimestampTz);
                if ((i + 1) % 100_000 == 0)
                {
                    Console.WriteLine($"  {i + 1:N0} rows generated and sent ({clock.Elapsed.TotalSeconds:0} s)");
                }
            }

            await import.CompleteAsync();
        }

        Console.WriteLine($"load: {count:N0} rows in {clock.Elapsed.TotalSeconds:0.0} s");
        clock.Restart();
        await ExecuteAsync(connection, """
            SET maintenance_work_mem = '1GB';
            CREATE INDEX "IX_cases_name_terms" ON cases.cases USING gin (name_terms);
            CREATE INDEX "IX_cases_name_year_terms" ON cases.cases USING gin (name_year_terms);
            CREATE INDEX "IX_cases_name_search" ON cases.cases USING gin (name_search gin_trgm_ops);
            CREATE INDEX "IX_cases_created_at" ON cases.cases (created_at);
            """);
        await ExecuteAsync(connection, "VACUUM ANALYZE cases.cases");
        Console.WriteLine($"indexes rebuilt and analysed in {clock.Elapsed.TotalSeconds:0.0} s");
        if (Environment.GetEnvironmentVariable("BENCH_COLD") is not { Length: > 0 })
        {
            // COPY writes through a small ring of buffers, so a freshly loaded table is in the OS
            // cache, not in shared_buffers: every query would first copy its pages in, which a
            // server that has been answering reports for a while does not do. Loaded here as that
            // server would hold them; BENCH_COLD=1 measures the fresh load instead.
            clock.Restart();
            await ExecuteAsync(connection, """
                CREATE EXTENSION IF NOT EXISTS pg_prewarm;
                SELECT pg_prewarm('cases.cases'), pg_prewarm('cases."IX_cases_name_terms"'), pg_prewarm('cases."IX_cases_name_year_terms"');
                """);
            Console.WriteLine($"table and candidate indexes read into shared_buffers in {clock.Elapsed.TotalSeconds:0.0} s (BENCH_COLD=1 skips this)");
        }
        return kept;
    }

    /// <summary>The persons <see cref="LoadAsync"/> would keep, generated again without loading anything.</summary>
    public static Dictionary<int, SyntheticPerson> Persons(int count, int seed, IReadOnlySet<int> sampled) =>
        Generate(count, seed).Where(p => sampled.Contains(p.Index)).ToDictionary(p => p.Index, p => p.Person);

    // The seeded caseload, person by person: the same whether loaded or only regenerated.
    private static IEnumerable<(int Index, SyntheticPerson Person)> Generate(int count, int seed)
    {
        var generator = new SyntheticPersonGenerator(seed);
        for (var i = 0; i < count; i++)
        {
            yield return (i, generator.NextPerson());
        }
    }

    public static string CaseId(int index) => $"MP-2026-{index + 1:D7}";

    // The columns the service writes when a report opens a case (CaseReporting.CreateAsync).
    private static CaseRecord Row(int index, SyntheticPerson person)
    {
        var sections = SyntheticReports.Sections(person.Report);
        var record = new CaseRecord
        {
            CaseId = CaseId(index),
            Status = CaseMapping.StatusName(CaseStatus.Open),
            CreatedAt = Opened.AddSeconds(index),
            UpdatedAt = Opened.AddSeconds(index),
        };
        CaseSectionColumns.Write(record, sections, [DataCategories.Identity, DataCategories.Circumstances]);
        CasePersonDescription.SetLookupColumns(record, sections.Identity);
        return record;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
