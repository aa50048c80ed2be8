using CoordinationHub.Client.Internal;
using CoordinationHub.Contracts.V1;

namespace CoordinationHub.Client.Services;

/// <summary>
/// <c>coordination.v1.ReferralsService</c>: referrals of a case from one agency to another, and their steps. One method per RPC, each through the
/// connection's credentials, default deadline and retry rules (<see cref="HubConnection"/>); a
/// refusal arrives as <see cref="Rpc.RpcException"/> with the hub's status.
/// </summary>
public sealed class ReferralsClient
{
    private readonly HubCallInvoker _invoker;

    internal ReferralsClient(HubCallInvoker invoker) => _invoker = invoker;

    /// <summary><c>CreateReferral</c>: refers a case to another agency.</summary>
    public Task<Referral> CreateReferralAsync(CreateReferralRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(ReferralsServiceMethods.CreateReferral, request, cancellationToken);

    /// <summary><c>GetReferral</c>: returns one referral.</summary>
    public Task<Referral> GetReferralAsync(GetReferralRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(ReferralsServiceMethods.GetReferral, request, cancellationToken);

    /// <summary><c>ListReferrals</c>: pages through the inbox or outbox.</summary>
    public Task<ListReferralsResponse> ListReferralsAsync(ListReferralsRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(ReferralsServiceMethods.ListReferrals, request, cancellationToken);

    /// <summary><c>AcceptReferral</c>: the recipient takes the referral on.</summary>
    public Task<Referral> AcceptReferralAsync(AcceptReferralRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(ReferralsServiceMethods.AcceptReferral, request, cancellationToken);

    /// <summary><c>DeclineReferral</c>: the recipient refuses it.</summary>
    public Task<Referral> DeclineReferralAsync(DeclineReferralRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(ReferralsServiceMethods.DeclineReferral, request, cancellationToken);

    /// <summary><c>CompleteReferral</c>: the recipient reports the work done.</summary>
    public Task<Referral> CompleteReferralAsync(CompleteReferralRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(ReferralsServiceMethods.CompleteReferral, request, cancellationToken);

    /// <summary><c>WithdrawReferral</c>: the sender takes it back.</summary>
    public Task<Referral> WithdrawReferralAsync(WithdrawReferralRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(ReferralsServiceMethods.WithdrawReferral, request, cancellationToken);
}
