using CoordinationHub.Client;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;

namespace CoordinationHub.Samples.CsvImporter.Hub;

/// <summary>
/// The importer's one call to the hub (CasesService/ReportMissingPerson). The SDK retries it when
/// the hub is unavailable, within the connection's default deadline, because it carries a
/// request_id: a report that reached the hub before the connection dropped is answered as replayed.
/// </summary>
public sealed class HubCaseReporter(HubConnection connection)
{
    /// <summary>The agency the connection acts for: part of every row's request id.</summary>
    public string AgencyId => connection.AgencyId;

    /// <exception cref="RpcException">The hub refused the report, or stayed unreachable over every attempt.</exception>
    public Task<ReportMissingPersonResponse> ReportAsync(ReportMissingPersonRequest request, CancellationToken cancellationToken) =>
        connection.Cases.ReportMissingPersonAsync(request, cancellationToken);
}
