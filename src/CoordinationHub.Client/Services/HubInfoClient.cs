using CoordinationHub.Client.Internal;
using CoordinationHub.Contracts.V1;

namespace CoordinationHub.Client.Services;

/// <summary>
/// <c>coordination.v1.HubInfoService</c>: what the hub is and which API versions it serves. One method per RPC, each through the
/// connection's credentials, default deadline and retry rules (<see cref="HubConnection"/>); a
/// refusal arrives as <see cref="Rpc.RpcException"/> with the hub's status.
/// </summary>
public sealed class HubInfoClient
{
    private readonly HubCallInvoker _invoker;

    internal HubInfoClient(HubCallInvoker invoker) => _invoker = invoker;

    /// <summary><c>GetHubInfo</c>: identity, version and clock of the hub.</summary>
    public Task<GetHubInfoResponse> GetHubInfoAsync(GetHubInfoRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(HubInfoServiceMethods.GetHubInfo, request, cancellationToken);
}
