using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace CoordinationHub.Bench.Referrals;

/// <summary>
/// The database ceiling: pgbench, at the same concurrency, running in one transaction the rows a
/// CreateReferral commits (the referral, its case event, its audit entry, the recipient's
/// REFERRAL_RECEIVED notification) with values of the same size. The audit entry goes to a random
/// lane of the 16 and is sealed into its chain by the database's trigger (lane lock, head read,
/// SHA-256), as the hub's entries are; the notification is numbered at commit by the outbox's
/// deferred trigger under the recipient's head row lock (ADR 0010), as the hub's are. Until
/// 2026-11-24 the script left the notification out, and so measured a ceiling that did less than
/// the call it bounds: it never queued behind the recipient's head. "with reads" adds
/// the three lookups the hub makes first (request id, case relationship, recipient), for
/// reference; the target is set against the inserts alone.
/// </summary>
public static class PgbenchCeiling
{
    private const string Inserts = """
        \set n random(1, 1000)
        \set lane random(0, 15)
        BEGIN;
        INSERT INTO cases.referrals (referral_id, case_id, from_agency_id, to_agency_id, purpose, data_categories, reason, due_at, state, state_reason, created_at, updated_at, request_id, request_hash)
          VALUES (gen_random_uuid(), 'MP-2026-' || lpad(:n::text, 6, '0'), 'bench-sender', 'bench-recipient', 'search', ARRAY['identity'], 'please search your detention records', now() + interval '7 days', 'Pending', '', now(), now(), md5(random()::text), md5(random()::text) || md5(random()::text));
        INSERT INTO cases.events (case_id, occurred_at, agency_id, description, categories)
          VALUES ('MP-2026-' || lpad(:n::text, 6, '0'), now(), 'bench-sender', 'referred to bench-recipient for search (identity), due 2026-12-01; referral 0199d5c4-8a1e-7b7c-9a7e-5f1b2c3d4e5f', '{}');
        INSERT INTO audit.entries (chain, occurred_at, agency_id, certificate_thumbprint, officer, method, target, decision, reason, request_id, call_id)
          VALUES (:lane, now(), 'bench-sender', md5(random()::text) || md5(random()::text), 'bench.officer', '/coordination.v1.ReferralsService/CreateReferral', 'referral:0199d5c4-8a1e-7b7c-9a7e-5f1b2c3d4e5f', 'allowed', 'created: case MP-2026-000001 referred to bench-recipient for search [identity], due 2026-12-01T00:00:00.0000000+00:00', md5(random()::text), '0HNQ9HGHCGUT5:00000001');
        INSERT INTO notifications.outbox (notification_id, recipient_agency_id, case_id, kind, payload, created_at)
          VALUES (gen_random_uuid(), 'bench-recipient', 'MP-2026-' || lpad(:n::text, 6, '0'), 'REFERRAL_RECEIVED', decode(repeat(md5(random()::text), 11), 'hex'), now());
        END;
        """;

    private const string Reads = """
        SELECT 1 FROM cases.referrals WHERE from_agency_id = 'bench-sender' AND request_id = 'absent-' || :n;
        SELECT 1 FROM cases.reports WHERE case_id = 'MP-2026-' || lpad(:n::text, 6, '0') AND agency_id = 'bench-sender' LIMIT 1;
        SELECT * FROM trust.agencies WHERE agency_id = 'bench-recipient';
        """;

    public static async Task<LatencySample> RunAsync(string connectionString, bool withReads, int concurrency, TimeSpan length)
    {
        var directory = Directory.CreateTempSubdirectory("pgbench-referrals-").FullName;
        var script = Path.Combine(directory, "create-referral.sql");
        var body = withReads ? Inserts.Replace("BEGIN;\n", "BEGIN;\n" + Reads, StringComparison.Ordinal) : Inserts;
        await File.WriteAllTextAsync(script, body);
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("PGBENCH") ?? "/usr/lib/postgresql/15/bin/pgbench")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "-n", "-M", "prepared", "-f", script, "-c", Invariant(concurrency), "-j", Invariant(Math.Min(concurrency, 4)),
            "-T", Invariant((int)length.TotalSeconds), "--log", "--log-prefix", Path.Combine(directory, "tx"),
            "-h", target.Host!, "-p", Invariant(target.Port), "-U", target.Username!, target.Database!,
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = target.Password ?? string.Empty;
        using var pgbench = Process.Start(start)!;
        var output = pgbench.StandardOutput.ReadToEndAsync();
        var errors = pgbench.StandardError.ReadToEndAsync();
        await pgbench.WaitForExitAsync();
        if (pgbench.ExitCode != 0)
        {
            throw new InvalidOperationException($"pgbench failed ({pgbench.ExitCode}): {await errors}{await output}");
        }

        // Each log line: client, transaction, latency in microseconds, script, epoch seconds, microseconds.
        var latencies = new List<double>();
        foreach (var log in Directory.EnumerateFiles(directory, "tx.*"))
        {
            foreach (var line in await File.ReadAllLinesAsync(log))
            {
                latencies.Add(double.Parse(line.Split(' ')[2], CultureInfo.InvariantCulture) / 1000);
            }
        }

        Directory.Delete(directory, recursive: true);
        return LatencySample.From(withReads ? "pgbench inserts + reads" : "pgbench inserts (ceiling)", concurrency, length, latencies, failures: 0);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
