using CoordinationHub.Client;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;

namespace CoordinationHub.Samples.CsvImporter.Hub;

/// <summary>
/// The importer's one call to the hub (CasesService/ReportMissingPerson), with a deadline per call
/// and a few retries of what is transient. Retrying a report is safe because it carries its
/// request_id: a report that reached the hub before the connection dropped is answered as replayed.
/// When the SDK offers typed clients with its own retries, this class shrinks to one line.
/// </summary>
public sealed class HubCaseReporter(HubConnection connection, TimeSpan callTimeout)
{
    private const int MaxAttempts = 4;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);

    /// <summary>The agency the connection acts for: part of every row's request id.</summary>
    public string AgencyId => connection.AgencyId;

    /// <exception cref="RpcException">The hub refused the report, or stayed unreachable over every attempt.</exception>
    public async Task<ReportMissingPersonResponse> ReportAsync(ReportMissingPersonRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var options = new CallOptions { Deadline = DateTime.UtcNow + callTimeout, CancellationToken = cancellationToken };
                return await connection.UnaryAsync(CasesServiceMethods.ReportMissingPerson, request, options);
            }
            catch (RpcException ex) when (IsTransient(ex.StatusCode) && attempt < MaxAttempts && !cancellationToken.IsCancellationRequested)
            {
                // 250 ms, 500 ms, 1 s, with jitter so that the calls in flight do not retry in step.
#pragma warning disable CA5394 // Jitter, not a secret.
                var backoff = FirstBackoff * Math.Pow(2, attempt - 1) * (0.5 + Random.Shared.NextDouble());
#pragma warning restore CA5394
                await Task.Delay(backoff, cancellationToken);
            }
        }
    }

    private static bool IsTransient(StatusCode status) => status is StatusCode.Unavailable or StatusCode.DeadlineExceeded;
}
