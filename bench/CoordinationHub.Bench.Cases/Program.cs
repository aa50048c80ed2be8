using System.Diagnostics;
using System.Globalization;
using CoordinationHub.Bench.Cases;
using CoordinationHub.Domain.Matching;
using CoordinationHub.Domain.Synthetic;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Services.Cases;
using CoordinationHub.Testing;

// Usage: dotnet CoordinationHub.Bench.Cases.dll [cases=1000000] [queries=1000] [seed=7]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var queries = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
var seed = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 7;
const int Warmup = 50;

// A database of the server HUB_TEST_POSTGRES names, connected to directly: PostgresCluster drops the
// databases of the server it was given when the process exits, and these must outlive it.
static string ConnectionStringTo(string database) =>
    new Npgsql.NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("HUB_TEST_POSTGRES")) { Database = database }.ConnectionString;

// The lookup's own planner settings (DuplicateCandidateQuery.LookupSettings, SET LOCAL) in a
// transaction left open, so that a plan or a stage run here is the one FindAsync gets.
static async Task<Npgsql.NpgsqlConnection> OpenLikeTheLookupAsync(string connectionString)
{
    var connection = new Npgsql.NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var settings = new Npgsql.NpgsqlCommand("BEGIN; " + DuplicateCandidateQuery.LookupSettings, connection);
    await settings.ExecuteNonQueryAsync();
    return connection;
}

if (Environment.GetEnvironmentVariable("BENCH_EXPLAIN") is { Length: > 0 } explainWhat)
{
    // BENCH_EXPLAIN="database|keys|year[|stage]": the plan of one query on a database kept by
    // BENCH_KEEP_CLUSTER=1 (keys and year as BENCH_QUERIES_FILE lists them), with the settings
    // DuplicateCandidateQuery runs it under; for tuning, nothing is generated or timed.
    var parts = explainWhat.Split('|');
    var (explainSql, explainParameters) = DuplicateCandidateQuery.Build(parts[1].Split(' '), excludeCaseId: null, visibleTo: null, DuplicateCandidateQuery.DefaultLimit, parts[2].Length > 0 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : null,
        parts.Length > 3 ? Enum.Parse<CandidateStage>(parts[3]) : CandidateStage.WholeRule);
    await using var explainConnection = await OpenLikeTheLookupAsync(ConnectionStringTo(parts[0]));
    Console.WriteLine(explainSql);
    foreach (var parameter in explainParameters)
    {
        Console.WriteLine($"  @{parameter.ParameterName} = {(parameter.Value is string[] values ? "{" + string.Join(',', values) + "}" : parameter.Value)}");
    }

    await using var explainCommand = new Npgsql.NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS, VERBOSE) " + explainSql, explainConnection);
    explainCommand.Parameters.AddRange(explainParameters);
    await using var explainReader = await explainCommand.ExecuteReaderAsync();
    while (await explainReader.ReadAsync())
    {
        Console.WriteLine(explainReader.GetString(0));
    }

    return;
}

// BENCH_REUSE_DB=name times the queries again on a database a previous run kept (BENCH_KEEP_CLUSTER=1,
// same count and seed), without generating and loading it again: for comparing two builds of the query.
var reused = Environment.GetEnvironmentVariable("BENCH_REUSE_DB") is { Length: > 0 } kept ? kept : null;
var database = reused ?? await PostgresCluster.CreateDatabaseAsync("bench_cases");
var connectionString = reused is null ? PostgresCluster.ConnectionStringFor(database) : ConnectionStringTo(reused);
if (reused is null)
{
    await using var db = HubDatabase.Open(connectionString);
    await HubDatabase.MigrateAsync(db, CancellationToken.None);
}

// The persons re-reported by the queries, chosen before generation so only they are kept in memory.
var random = new Random(seed);
var sampled = new HashSet<int>();
while (sampled.Count < Math.Min(queries + Warmup, count))
{
    sampled.Add(random.Next(count));
}

var persons = reused is null ? await GeneratedCaseload.LoadAsync(connectionString, count, seed, sampled) : GeneratedCaseload.Persons(count, seed, sampled);

// Each query is another agency's re-report of a loaded person (other script or spelling, shorter
// name chain, birth date off), looked up exactly as ReportMissingPerson does, in a fresh context.
var reReporter = new SyntheticPersonGenerator(seed + 1);
var order = persons.Keys.ToList();
var timings = new List<double>(queries);
var candidateCounts = new List<int>(queries);
var found = 0;
var slowest = new List<(double Ms, string Keys, int? Year)>();
var foundWithoutLimit = 0;
// The generation left a heap of garbage behind; collected now rather than in the middle of a timed query.
GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
var gcPauseBefore = GC.GetTotalPauseDuration();
var gen2Before = GC.CollectionCount(2);
var timedPause = TimeSpan.Zero;
for (var q = 0; q < order.Count; q++)
{
    var index = order[q];
    var reReport = reReporter.ReReport(persons[index]);
    var keys = CandidateKeyBuilder.For(reReport).TokenKeys;
    int? year = reReport.DateOfBirth?.Year ?? (reReport.BirthYearRange is { } range ? (range.From + range.To) / 2 : null);
    await using var db = HubDatabase.Open(connectionString);
    var pauseBefore = GC.GetTotalPauseDuration();
    var clock = Stopwatch.StartNew();
    var candidates = await DuplicateCandidateQuery.FindAsync(db, keys, excludeCaseId: null, visibleTo: null, DuplicateCandidateQuery.DefaultLimit, year, track: false, CancellationToken.None);
    clock.Stop();
    timedPause += GC.GetTotalPauseDuration() - pauseBefore;
    if (q < Warmup)
    {
        continue;
    }

    timings.Add(clock.Elapsed.TotalMilliseconds);
    var stageTimes = "";
    if (Environment.GetEnvironmentVariable("BENCH_STAGES") is { Length: > 0 })
    {
        // Not timed above: each stage alone, as FindAsync would run it, until one fills the limit.
        await using var connection = await OpenLikeTheLookupAsync(connectionString);
        foreach (var stage in DuplicateCandidateQuery.StagesFor(keys, year))
        {
            var (stageSql, stageParameters) = DuplicateCandidateQuery.Build(keys, excludeCaseId: null, visibleTo: null, DuplicateCandidateQuery.DefaultLimit, year, stage);
            var stageClock = Stopwatch.StartNew();
            await using var command = new Npgsql.NpgsqlCommand(stageSql, connection);
            command.Parameters.AddRange(stageParameters);
            var rows = 0;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    rows++;
                }
            }

            stageTimes += string.Create(CultureInfo.InvariantCulture, $" {stage}:{rows}:{stageClock.Elapsed.TotalMilliseconds:0.0}");
            if (rows >= DuplicateCandidateQuery.DefaultLimit)
            {
                break;
            }
        }
    }

    slowest.Add((clock.Elapsed.TotalMilliseconds, string.Join(' ', keys) + stageTimes, year));
    candidateCounts.Add(candidates.Count);
    if (candidates.Any(c => c.CaseId == GeneratedCaseload.CaseId(index)))
    {
        found++;
        foundWithoutLimit++;
    }
    else
    {
        // Was it cut by the LIMIT, or never matched by the index conditions? Not timed.
        // Counted in the database: materialising every namesake (tens of thousands of full
        // records) would leave the next timed queries to pay for collecting them.
        var (allSql, allParameters) = DuplicateCandidateQuery.Build(keys, excludeCaseId: null, visibleTo: null, limit: 1_000_000, year);
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var countFound = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM ({allSql}) AS found WHERE found.case_id = @target", connection);
        countFound.Parameters.AddRange(allParameters);
        countFound.Parameters.AddWithValue("target", GeneratedCaseload.CaseId(index));
        foundWithoutLimit += (long)(await countFound.ExecuteScalarAsync())! > 0 ? 1 : 0;
    }
}

// The plan of one query, for the record (and for whoever tunes the indexes next).
{
    var keys = CandidateKeyBuilder.For(reReporter.ReReport(persons[order[0]])).TokenKeys;
    var (sql, parameters) = DuplicateCandidateQuery.Build(keys, excludeCaseId: null, visibleTo: null, DuplicateCandidateQuery.DefaultLimit, birthYear: null);
    await using var connection = new Npgsql.NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var explain = new Npgsql.NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection);
    explain.Parameters.AddRange(parameters);
    await using var reader = await explain.ExecuteReaderAsync();
    Console.WriteLine($"plan for keys [{string.Join(' ', keys)}]:");
    while (await reader.ReadAsync())
    {
        Console.WriteLine("  " + reader.GetString(0));
    }
}

timings.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"GC during the queries (all {order.Count} and their recall checks): {(GC.GetTotalPauseDuration() - gcPauseBefore).TotalMilliseconds:0} ms paused, {GC.CollectionCount(2) - gen2Before} gen2 collections; inside the timed calls: {timedPause.TotalMilliseconds:0} ms"));
if (Environment.GetEnvironmentVariable("BENCH_QUERIES_FILE") is { Length: > 0 } queriesFile)
{
    // Every timed query, slowest first, for whoever looks at the tail next.
    await File.WriteAllLinesAsync(queriesFile, slowest.OrderByDescending(s => s.Ms)
        .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Ms:0.00}\t{s.Keys}\t{s.Year}")));
}

double Percentile(double p) => timings[Math.Min(timings.Count - 1, (int)Math.Ceiling(p * timings.Count) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"candidate query over {count:N0} cases, {timings.Count} re-reports: p50 {Percentile(0.50):0.00} ms, p95 {Percentile(0.95):0.00} ms, p99 {Percentile(0.99):0.00} ms, max {timings[^1]:0.00} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"recall: the re-reported person's case among the candidates in {found}/{timings.Count} ({100.0 * found / timings.Count:0.0}%), {foundWithoutLimit} without the LIMIT; candidates per query: mean {candidateCounts.Average():0.0}, max {candidateCounts.Max()}"));
Console.WriteLine($"database kept for inspection: {database} (dropped with the private cluster at exit)");
