using System.CommandLine;
using System.Diagnostics;
using CoordinationHub.Client;
using CoordinationHub.Samples.CsvImporter.Csv;
using CoordinationHub.Samples.CsvImporter.Hub;
using CoordinationHub.Samples.CsvImporter.Import;
using CoordinationHub.Samples.CsvImporter.Output;
using Spectre.Console;

namespace CoordinationHub.Samples.CsvImporter;

/// <summary>The importer's command line: options, connection, progress bar, summary, exit code.</summary>
public static class ImporterCommand
{
    public static RootCommand Create(IAnsiConsole console)
    {
        var file = new Argument<FileInfo>("csv") { Description = "The ministry's CSV (UTF-8, header line first; see README.md for the columns)" };
        var hub = new Option<string>("--hub") { Description = "The hub's address, for example https://hub.example:7443", Required = true, HelpName = "uri" };
        var cert = new Option<string>("--cert") { Description = "The ministry's client certificate (PEM), registered with the hub", Required = true, HelpName = "file.pem" };
        var key = new Option<string>("--key") { Description = "Its private key (PEM)", Required = true, HelpName = "file.key" };
        var ca = new Option<string?>("--ca") { Description = "The CA the hub's certificate must chain to (PEM); the system trust store when omitted", HelpName = "file.pem" };
        var officer = new Option<string?>("--officer") { Description = "The officer running the import, named in the hub's audit log (x-officer-id)", HelpName = "id" };
        var agency = new Option<string?>("--agency") { Description = "The agency the certificate is registered to; its common name when omitted", HelpName = "id" };
        var concurrency = new Option<int>("--concurrency") { Description = "Reports in flight at once (1-32)", DefaultValueFactory = _ => 6, HelpName = "n" };
        var timeout = new Option<int>("--timeout") { Description = "Deadline of each call, in seconds; a call past it is retried", DefaultValueFactory = _ => 30, HelpName = "s" };
        var root = new RootCommand(
            "Reports the missing persons of a ministry CSV to the CoordinationHub (CasesService/ReportMissingPerson; needs cases.write). " +
            "Each row's request id derives from the agency and the row's reference, so a re-run creates nothing twice: rows already imported " +
            "count as replayed. Bad rows are reported by line and skipped. Exit codes: 0 all rows in the hub, 1 some rows failed, " +
            "2 nothing sent (options, certificate, header), 3 stopped early (the hub refused the agency or stayed unreachable, or cancelled).")
        {
            file, hub, cert, key, ca, officer, agency, concurrency, timeout,
        };
        // On the options, not the command: a command's validator sees 0 for an option left to its default.
        concurrency.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 32)
            {
                result.AddError("--concurrency must be 1 to 32.");
            }
        });
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--timeout must be at least 1 second.");
            }
        });
        root.SetAction(async (parse, cancellationToken) =>
        {
            HubConnection connection;
            try
            {
                connection = Connect(parse.GetRequiredValue(hub), parse.GetRequiredValue(cert), parse.GetRequiredValue(key),
                    parse.GetValue(ca), parse.GetValue(officer), parse.GetValue(agency), TimeSpan.FromSeconds(parse.GetValue(timeout)));
            }
            catch (Exception ex) when (ex is ArgumentException or UriFormatException or InvalidOperationException)
            {
                console.MarkupLine($"[red]error:[/] {Markup.Escape(ex.Message)}");
                return ExitCodes.Unusable;
            }

            using (connection)
            {
                var reporter = new HubCaseReporter(connection);
                return await RunAsync(console, new CsvImport(reporter, parse.GetValue(concurrency)), parse.GetRequiredValue(file), cancellationToken);
            }
        });
        return root;
    }

    private static async Task<int> RunAsync(IAnsiConsole console, CsvImport import, FileInfo file, CancellationToken cancellationToken)
    {
        IReadOnlyList<Rows.ImportRow> rows;
        IReadOnlyList<RowFailure> rejected;
        try
        {
            // UTF-8 whether or not the file starts with a byte order mark.
            using var reader = new StreamReader(file.FullName, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            (rows, rejected) = import.Read(reader);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CsvFormatException)
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(file.Name)}: {Markup.Escape(ex.Message)}");
            return ExitCodes.Unusable;
        }

        var clock = Stopwatch.StartNew();
        ImportSummary summary = null!;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"Reporting {rows.Count:N0} rows", maxValue: Math.Max(1, rows.Count));
                summary = await import.RunAsync(rows, rejected, _ => task.Increment(1), cancellationToken);
            });
        SummaryTable.Write(console, summary, clock.Elapsed);
        return summary.StoppedBecause is not null ? ExitCodes.Stopped
            : summary.Failed > 0 ? ExitCodes.RowsFailed
            : ExitCodes.Ok;
    }

    private static HubConnection Connect(string address, string certificateFile, string keyFile, string? caFile, string? officer, string? agency, TimeSpan callTimeout)
    {
        // Each report gets the whole --timeout, retries of an unavailable hub included (the SDK's).
        var builder = HubConnection.ForAddress(new Uri(address))
            .WithClientCertificatePem(certificateFile, keyFile)
            .WithDefaultDeadline(callTimeout)
            .WithRetries(HubRetryOptions.Default);
        if (caFile is not null)
        {
            builder.WithTrustedRootsPem(caFile);
        }

        if (officer is not null)
        {
            builder.WithOfficer(officer);
        }

        if (agency is not null)
        {
            builder.WithAgencyId(agency);
        }

        return builder.Build();
    }
}
