using CoordinationHub.Client.Internal;
using CoordinationHub.Contracts.V1;

namespace CoordinationHub.Client.Services;

/// <summary>
/// <c>coordination.v1.IdentificationsService</c>: identifications reported by a laboratory and reviewed by a second authority. One method per RPC, each through the
/// connection's credentials, default deadline and retry rules (<see cref="HubConnection"/>); a
/// refusal arrives as <see cref="Rpc.RpcException"/> with the hub's status.
/// </summary>
public sealed class IdentificationsClient
{
    private readonly HubCallInvoker _invoker;

    internal IdentificationsClient(HubCallInvoker invoker) => _invoker = invoker;

    /// <summary><c>ReportIdentification</c>: a laboratory reports a match against a case.</summary>
    public Task<Identification> ReportIdentificationAsync(ReportIdentificationRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(IdentificationsServiceMethods.ReportIdentification, request, cancellationToken);

    /// <summary><c>GetIdentification</c>: returns one identification.</summary>
    public Task<Identification> GetIdentificationAsync(GetIdentificationRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(IdentificationsServiceMethods.GetIdentification, request, cancellationToken);

    /// <summary><c>ListIdentifications</c>: the identifications of one case.</summary>
    public Task<ListIdentificationsResponse> ListIdentificationsAsync(ListIdentificationsRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(IdentificationsServiceMethods.ListIdentifications, request, cancellationToken);

    /// <summary><c>ConfirmIdentification</c>: a second authority confirms the match.</summary>
    public Task<Identification> ConfirmIdentificationAsync(ConfirmIdentificationRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(IdentificationsServiceMethods.ConfirmIdentification, request, cancellationToken);

    /// <summary><c>RejectIdentification</c>: a second authority rejects the match.</summary>
    public Task<Identification> RejectIdentificationAsync(RejectIdentificationRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(IdentificationsServiceMethods.RejectIdentification, request, cancellationToken);

    /// <summary><c>RecordFamilyInformed</c>: the family's liaison records that the family was informed.</summary>
    public Task<Identification> RecordFamilyInformedAsync(RecordFamilyInformedRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(IdentificationsServiceMethods.RecordFamilyInformed, request, cancellationToken);
}
