using CoordinationHub.Rpc;
using Google.Protobuf.Reflection;

namespace CoordinationHub.Contracts.V1;

/// <summary>The method table of <c>coordination.v1.ReferralsService</c>.</summary>
public static class ReferralsServiceMethods
{
    /// <summary>The service descriptor generated from <c>coordination/v1/referrals.proto</c>.</summary>
    public static ServiceDescriptor Descriptor { get; } = ReferralsReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ReferralsService");

    /// <summary><c>CreateReferral</c>: refers a case to another agency.</summary>
    public static Method<CreateReferralRequest, Referral> CreateReferral { get; } = Method.FromDescriptor<CreateReferralRequest, Referral>(Descriptor, nameof(CreateReferral));

    /// <summary><c>GetReferral</c>: returns one referral.</summary>
    public static Method<GetReferralRequest, Referral> GetReferral { get; } = Method.FromDescriptor<GetReferralRequest, Referral>(Descriptor, nameof(GetReferral));

    /// <summary><c>ListReferrals</c>: pages through the inbox or outbox.</summary>
    public static Method<ListReferralsRequest, ListReferralsResponse> ListReferrals { get; } = Method.FromDescriptor<ListReferralsRequest, ListReferralsResponse>(Descriptor, nameof(ListReferrals));

    /// <summary><c>AcceptReferral</c>: the recipient takes the referral on.</summary>
    public static Method<AcceptReferralRequest, Referral> AcceptReferral { get; } = Method.FromDescriptor<AcceptReferralRequest, Referral>(Descriptor, nameof(AcceptReferral));

    /// <summary><c>DeclineReferral</c>: the recipient refuses it.</summary>
    public static Method<DeclineReferralRequest, Referral> DeclineReferral { get; } = Method.FromDescriptor<DeclineReferralRequest, Referral>(Descriptor, nameof(DeclineReferral));

    /// <summary><c>CompleteReferral</c>: the recipient reports the work done.</summary>
    public static Method<CompleteReferralRequest, Referral> CompleteReferral { get; } = Method.FromDescriptor<CompleteReferralRequest, Referral>(Descriptor, nameof(CompleteReferral));

    /// <summary><c>WithdrawReferral</c>: the sender takes it back.</summary>
    public static Method<WithdrawReferralRequest, Referral> WithdrawReferral { get; } = Method.FromDescriptor<WithdrawReferralRequest, Referral>(Descriptor, nameof(WithdrawReferral));
}
