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

var database = await PostgresCluster.CreateDatabaseAsync("bench_cases");
var connectionString = PostgresCluster.ConnectionStringFor(database);
await using (var db = HubDatabase.Open(connectionString))
{
    await HubDatabase.MigrateAsync(db, CancellationToken.None);
}

// The persons re-reported by the queries, chosen before generation so only they are kept in memory.
var random = new Random(seed);
var sampled = new HashSet<int>();
while (sampled.Count < Math.Min(queries + Warmup, count))
{
    sampled.Add(random.Next(count));
}

var persons = await GeneratedCaseload.LoadAsync(connectionString, count, seed, sampled);

// Each query is another agency's re-report of a loaded person (other script or spelling, shorter
// name chain, birth date off), looked up exactly as ReportMissingPerson does, in a fresh context.
var reReporter = new SyntheticPersonGenerator(seed + 1);
var order = persons.Keys.ToList();
var timings = new List<double>(queries);
var candidateCounts = new List<int>(queries);
var found = 0;
var foundWithoutLimit = 0;
for (var q = 0; q < order.Count; q++)
{
    var index = order[q];
    var reReport = reReporter.ReReport(persons[index]);
    var keys = CandidateKeyBuilder.For(reReport).TokenKeys;
    int? year = reReport.DateOfBirth?.Year ?? (reReport.BirthYearRange is { } range ? (range.From + range.To) / 2 : null);
    await using var db = HubDatabase.Open(connectionString);
    var clock = Stopwatch.StartNew();
    var candidates = await DuplicateCandidateQuery.FindAsync(db, keys, excludeCaseId: null, visibleTo: null, DuplicateCandidateQuery.DefaultLimit, year, track: false, CancellationToken.None);
    clock.Stop();
    if (q < Warmup)
    {
        continue;
    }

    timings.Add(clock.Elapsed.TotalMilliseconds);
    candidateCounts.Add(candidates.Count);
    if (candidates.Any(c => c.CaseId == GeneratedCaseload.CaseId(index)))
    {
        found++;
        foundWithoutLimit++;
    }
    else
    {
        // Was it cut by the LIMIT, or never matched by the index conditions? Not timed.
        var all = await DuplicateCandidateQuery.FindAsync(db, keys, excludeCaseId: null, visibleTo: null, limit: 1_000_000, year, track: false, CancellationToken.None);
        foundWithoutLimit += all.Any(c => c.CaseId == GeneratedCaseload.CaseId(index)) ? 1 : 0;
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
double Percentile(double p) => timings[Math.Min(timings.Count - 1, (int)Math.Ceiling(p * timings.Count) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"candidate query over {count:N0} cases, {timings.Count} re-reports: p50 {Percentile(0.50):0.00} ms, p95 {Percentile(0.95):0.00} ms, p99 {Percentile(0.99):0.00} ms, max {timings[^1]:0.00} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"recall: the re-reported person's case among the candidates in {found}/{timings.Count} ({100.0 * found / timings.Count:0.0}%), {foundWithoutLimit} without the LIMIT; candidates per query: mean {candidateCounts.Average():0.0}, max {candidateCounts.Max()}"));
Console.WriteLine($"database kept for inspection: {database} (dropped with the private cluster at exit)");
