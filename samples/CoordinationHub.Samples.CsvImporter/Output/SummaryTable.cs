using System.Globalization;
using CoordinationHub.Samples.CsvImporter.Import;
using Spectre.Console;

namespace CoordinationHub.Samples.CsvImporter.Output;

/// <summary>
/// The closing summary: the counts, then every row not imported with its line, the gRPC status and
/// the hub's message, so the clerk can correct the file and run it again. Names are never printed,
/// only the ministry's references: the terminal may be shared or logged.
/// </summary>
public static class SummaryTable
{
    public static void Write(IAnsiConsole console, ImportSummary summary, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(summary);
        var sent = summary.Created + summary.Attached + summary.Replayed + summary.Failed;
        var counts = new Table().Title("Import summary").AddColumn("Rows").AddColumn(new TableColumn("Count").RightAligned());
        counts.AddRow("Created (new hub case)", Number(summary.Created));
        counts.AddRow("Attached (to the hub case named)", Number(summary.Attached));
        counts.AddRow("Replayed (already imported, nothing written)", Number(summary.Replayed));
        counts.AddRow("Flagged as possible duplicates (of those created or attached now)", Number(summary.Flagged));
        counts.AddRow(summary.Failed > 0 ? "[red]Failed[/]" : "Failed", Number(summary.Failed));
        if (summary.NotAttempted > 0)
        {
            counts.AddRow("[yellow]Not attempted (stopped)[/]", Number(summary.NotAttempted));
        }

        var rate = elapsed.TotalSeconds > 0 ? sent / elapsed.TotalSeconds : 0;
        counts.Caption(string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:F1} s, {rate:F0} rows/s"));
        console.Write(counts);

        if (summary.StoppedBecause is { } reason)
        {
            console.MarkupLine($"[yellow]Stopped early:[/] {Markup.Escape(reason)}");
        }

        if (summary.Failures.Count == 0)
        {
            return;
        }

        var failures = new Table().Title("Rows not imported").AddColumn(new TableColumn("Line").RightAligned()).AddColumn("Reference").AddColumn("Status").AddColumn("Message");
        foreach (var failure in summary.Failures)
        {
            failures.AddRow(Number(failure.Line), Markup.Escape(failure.Reference), Markup.Escape(failure.Status), Markup.Escape(failure.Message));
        }

        console.Write(failures);
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
