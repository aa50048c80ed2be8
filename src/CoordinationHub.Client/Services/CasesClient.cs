using CoordinationHub.Client.Internal;
using CoordinationHub.Contracts.V1;

namespace CoordinationHub.Client.Services;

/// <summary>
/// <c>coordination.v1.CasesService</c>: missing-person cases: reports (idempotent by <c>request_id</c>), reads cut by the disclosure policy, updates, history and duplicate resolution. One method per RPC, each through the
/// connection's credentials, default deadline and retry rules (<see cref="HubConnection"/>); a
/// refusal arrives as <see cref="Rpc.RpcException"/> with the hub's status.
/// </summary>
public sealed class CasesClient
{
    private readonly HubCallInvoker _invoker;

    internal CasesClient(HubCallInvoker invoker) => _invoker = invoker;

    /// <summary><c>ReportMissingPerson</c>: creates a case or attaches a report to one.</summary>
    public Task<ReportMissingPersonResponse> ReportMissingPersonAsync(ReportMissingPersonRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(CasesServiceMethods.ReportMissingPerson, request, cancellationToken);

    /// <summary><c>GetCase</c>: returns one case as the caller may see it.</summary>
    public Task<Case> GetCaseAsync(GetCaseRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(CasesServiceMethods.GetCase, request, cancellationToken);

    /// <summary><c>ListCases</c>: pages through the cases the caller may see.</summary>
    public Task<ListCasesResponse> ListCasesAsync(ListCasesRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(CasesServiceMethods.ListCases, request, cancellationToken);

    /// <summary><c>SearchCases</c>: finds cases by name, birth date and place.</summary>
    public Task<SearchCasesResponse> SearchCasesAsync(SearchCasesRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(CasesServiceMethods.SearchCases, request, cancellationToken);

    /// <summary><c>UpdateCase</c>: changes the masked fields of a case.</summary>
    public Task<Case> UpdateCaseAsync(UpdateCaseRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(CasesServiceMethods.UpdateCase, request, cancellationToken);

    /// <summary><c>ListCaseHistory</c>: pages through a case's history.</summary>
    public Task<ListCaseHistoryResponse> ListCaseHistoryAsync(ListCaseHistoryRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(CasesServiceMethods.ListCaseHistory, request, cancellationToken);

    /// <summary><c>ResolveDuplicate</c>: merges two flagged cases or dismisses the flag.</summary>
    public Task<Case> ResolveDuplicateAsync(ResolveDuplicateRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(CasesServiceMethods.ResolveDuplicate, request, cancellationToken);
}
