using CoordinationHub.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Bench.Audit;

/// <summary>
/// SQL from <c>BENCH_AFTER_SEED_SQL</c>, run on the bench database after seeding and before the
/// hubs start: how a variant of the schema (a trigger replaced, an index dropped) is measured
/// against the same build without a migration. Only for finding where the cost goes; an experiment
/// that breaks the seal leaves a log that does not verify, and the run says so at the end.
/// </summary>
public static class SchemaExperiment
{
    public const string Variable = "BENCH_AFTER_SEED_SQL";

    public static async Task ApplyAsync(string connectionString)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } sql)
        {
            return;
        }

        Console.WriteLine($"schema experiment ({Variable}): {sql.ReplaceLineEndings(" ")}");
        await using var db = HubDatabase.Open(connectionString);
        await db.Database.ExecuteSqlRawAsync(sql);
    }
}
