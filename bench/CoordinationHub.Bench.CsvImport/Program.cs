using System.Globalization;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Samples.CsvGenerator;
using CoordinationHub.Samples.CsvImporter;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

// Usage: dotnet CoordinationHub.Bench.CsvImport.dll [rows=10000] [seed=2026] [concurrency=6]
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2026;
var concurrency = args.Length > 2 ? args[2] : "6";

var hub = new HubTestHost();
await hub.InitializeAsync();
try
{
    var ministry = await hub.Trust.RegisterAgencyAsync("interior", [Scopes.CasesRead, Scopes.CasesWrite]);
    var (certificate, key) = ministry.WritePemFiles(hub.Directory);
    var csv = Path.Combine(hub.Directory, "ministry.csv");
    await using (var writer = new StreamWriter(csv))
    {
        new MinistryCsvGenerator(seed).Write(writer, rows);
    }

    string[] importArgs = ["--hub", hub.Client.Address.ToString(), "--cert", certificate, "--key", key, "--ca", hub.ClientCaPath, "--concurrency", concurrency, csv];
    foreach (var run in new[] { "first run", "re-run" })
    {
        AnsiConsole.MarkupLine($"[bold]{run}[/]: {rows:N0} rows, seed {seed}, concurrency {concurrency}, load average {LoadAverage()}");
        var exitCode = await ImporterCommand.Create(AnsiConsole.Console).Parse(importArgs).InvokeAsync();
        await using var db = hub.Trust.OpenDb();
        var reports = db.CaseReports.Where(r => r.AgencyId == ministry.AgencyId);
        AnsiConsole.MarkupLine($"exit code {exitCode}; the hub holds {await reports.CountAsync(r => r.CreatedCase):N0} cases opened and {await reports.CountAsync():N0} reports by the ministry; load average {LoadAverage()}");
    }
}
finally
{
    await hub.DisposeAsync();
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
