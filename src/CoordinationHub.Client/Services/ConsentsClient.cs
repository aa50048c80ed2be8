using CoordinationHub.Client.Internal;
using CoordinationHub.Contracts.V1;

namespace CoordinationHub.Client.Services;

/// <summary>
/// <c>coordination.v1.ConsentsService</c>: families' consents and legal authorisations that open a case's data. One method per RPC, each through the
/// connection's credentials, default deadline and retry rules (<see cref="HubConnection"/>); a
/// refusal arrives as <see cref="Rpc.RpcException"/> with the hub's status.
/// </summary>
public sealed class ConsentsClient
{
    private readonly HubCallInvoker _invoker;

    internal ConsentsClient(HubCallInvoker invoker) => _invoker = invoker;

    /// <summary><c>RecordConsent</c>: records a consent collected by the caller.</summary>
    public Task<Consent> RecordConsentAsync(RecordConsentRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(ConsentsServiceMethods.RecordConsent, request, cancellationToken);

    /// <summary><c>GetConsent</c>: returns one consent.</summary>
    public Task<Consent> GetConsentAsync(GetConsentRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(ConsentsServiceMethods.GetConsent, request, cancellationToken);

    /// <summary><c>ListConsents</c>: pages through a case's consents.</summary>
    public Task<ListConsentsResponse> ListConsentsAsync(ListConsentsRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(ConsentsServiceMethods.ListConsents, request, cancellationToken);

    /// <summary><c>WithdrawConsent</c>: records the giver's withdrawal.</summary>
    public Task<Consent> WithdrawConsentAsync(WithdrawConsentRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(ConsentsServiceMethods.WithdrawConsent, request, cancellationToken);

    /// <summary><c>RecordLegalAuthorisation</c>: records a court order or statute.</summary>
    public Task<LegalAuthorisation> RecordLegalAuthorisationAsync(RecordLegalAuthorisationRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(ConsentsServiceMethods.RecordLegalAuthorisation, request, cancellationToken);

    /// <summary><c>GetLegalAuthorisation</c>: returns one legal authorisation.</summary>
    public Task<LegalAuthorisation> GetLegalAuthorisationAsync(GetLegalAuthorisationRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(ConsentsServiceMethods.GetLegalAuthorisation, request, cancellationToken);

    /// <summary><c>ListLegalAuthorisations</c>: pages through a case's legal authorisations.</summary>
    public Task<ListLegalAuthorisationsResponse> ListLegalAuthorisationsAsync(ListLegalAuthorisationsRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(ConsentsServiceMethods.ListLegalAuthorisations, request, cancellationToken);
}
