using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Samples.CsvImporter.Csv;
using CoordinationHub.Samples.CsvImporter.Hub;
using CoordinationHub.Samples.CsvImporter.Rows;

namespace CoordinationHub.Samples.CsvImporter.Import;

/// <summary>
/// Imports a ministry CSV: every row read first (a bad row is reported by line and skipped), then
/// the good ones reported to the hub with a bounded number of calls in flight. A row the hub refuses
/// is reported with its status and the hub's message; the import goes on. A refusal of the agency
/// itself (bad certificate, suspended, no cases.write) stops it, since every later row would fail
/// the same way; so does a hub still unreachable after the reporter's retries (run the file again
/// when it is back: the rows already in come back replayed).
/// </summary>
public sealed class CsvImport(HubCaseReporter reporter, int concurrency)
{
    private static readonly StatusCode[] StopTheImport = [StatusCode.Unauthenticated, StatusCode.PermissionDenied, StatusCode.Unimplemented, StatusCode.Unavailable];

    /// <summary>Reads the file: the rows to send, and the rows refused before sending.</summary>
    /// <exception cref="CsvFormatException">The header is wrong or the file stops being CSV.</exception>
    public (IReadOnlyList<ImportRow> Rows, IReadOnlyList<RowFailure> Rejected) Read(TextReader csv)
    {
        using var records = CsvRecordReader.Read(csv).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new CsvFormatException("the file is empty; the first line must name the columns.");
        }

        var parser = new MinistryRowParser(records.Current, reporter.AgencyId);
        var rows = new List<ImportRow>();
        var rejected = new List<RowFailure>();
        while (records.MoveNext())
        {
            try
            {
                rows.Add(parser.Parse(records.Current));
            }
            catch (RowProblemException ex)
            {
                rejected.Add(new RowFailure(records.Current.Line, parser.ReferenceOf(records.Current), RowFailure.NotSent, ex.Message));
            }
        }

        return (rows, rejected);
    }

    /// <summary>Sends <paramref name="rows"/>; <paramref name="onRow"/> is called once per row, from any thread.</summary>
    public async Task<ImportSummary> RunAsync(IReadOnlyList<ImportRow> rows, IReadOnlyList<RowFailure> rejected, Action<RowOutcome>? onRow, CancellationToken cancellationToken)
    {
        var summary = new ImportSummary();
        foreach (var failure in rejected)
        {
            summary.Fail(failure);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency };
        await Parallel.ForEachAsync(rows, options, async (row, _) =>
        {
            var outcome = await ImportAsync(row, summary, stop);
            onRow?.Invoke(outcome);
        });
        if (cancellationToken.IsCancellationRequested)
        {
            summary.Stop("cancelled");
        }

        return summary;
    }

    private async Task<RowOutcome> ImportAsync(ImportRow row, ImportSummary summary, CancellationTokenSource stop)
    {
        if (stop.IsCancellationRequested)
        {
            summary.Count(RowOutcome.NotAttempted, flagged: false);
            return RowOutcome.NotAttempted;
        }

        ReportMissingPersonResponse response;
        try
        {
            response = await reporter.ReportAsync(row.Request, stop.Token);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && stop.IsCancellationRequested)
        {
            summary.Count(RowOutcome.NotAttempted, flagged: false);
            return RowOutcome.NotAttempted;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            summary.Count(RowOutcome.NotAttempted, flagged: false);
            return RowOutcome.NotAttempted;
        }
        catch (RpcException ex)
        {
            summary.Fail(new RowFailure(row.Line, row.Reference, ex.StatusCode.ToString(), ex.Status.Detail));
            if (StopTheImport.Contains(ex.StatusCode) && !stop.IsCancellationRequested)
            {
                summary.Stop($"line {row.Line}: {ex.StatusCode}: {ex.Status.Detail}");
                await stop.CancelAsync();
            }

            return RowOutcome.Failed;
        }

        var outcome = response.Replayed ? RowOutcome.Replayed : response.Created ? RowOutcome.Created : RowOutcome.Attached;
        summary.Count(outcome, flagged: outcome != RowOutcome.Replayed && response.PossibleDuplicates.Count > 0);
        return outcome;
    }
}
