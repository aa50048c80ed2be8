using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using CoordinationHub.Testing.Hub;
using Google.Protobuf.WellKnownTypes;

namespace CoordinationHub.Server.Tests.Referrals;

/// <summary>The Referrals RPCs as one agency calls them over mTLS with its token, so tests read as the operations they perform.</summary>
internal sealed class ReferralsApi(TestAgency agency, RpcChannel channel, string token) : IDisposable
{
    public TestAgency Agency => agency;

    public string AgencyId => agency.AgencyId;

    public static async Task<ReferralsApi> SignInAsync(HubTestHost hub, TestAgency agency) =>
        new(agency, hub.Client.OpenChannel(agency.Certificate), await hub.Client.GetTokenAsync(agency.Certificate, agency.AgencyId));

    /// <summary>A well-formed create request: identity for search, due in a week.</summary>
    public static CreateReferralRequest NewRequest(string caseId, string toAgencyId, string? requestId = null) => new()
    {
        RequestId = requestId ?? Guid.NewGuid().ToString("N"),
        CaseId = caseId,
        ToAgencyId = toAgencyId,
        Purpose = Purpose.Search,
        DataCategories = { DataCategory.Identity },
        Reason = "please search your detention records",
        DueTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(7)),
    };

    public Task<Referral> CreateAsync(CreateReferralRequest request) => Call(ReferralsServiceMethods.CreateReferral, request);

    public Task<Referral> CreateAsync(string caseId, string toAgencyId) => CreateAsync(NewRequest(caseId, toAgencyId));

    public Task<Referral> GetAsync(string referralId) => Call(ReferralsServiceMethods.GetReferral, new GetReferralRequest { ReferralId = referralId });

    public Task<ListReferralsResponse> ListAsync(ReferralBox box, ReferralState state = ReferralState.Unspecified, string caseId = "", int pageSize = 0, string pageToken = "") =>
        Call(ReferralsServiceMethods.ListReferrals, new ListReferralsRequest { Box = box, State = state, CaseId = caseId, PageSize = pageSize, PageToken = pageToken });

    public Task<Referral> AcceptAsync(string referralId, string etag = "") =>
        Call(ReferralsServiceMethods.AcceptReferral, new AcceptReferralRequest { ReferralId = referralId, Etag = etag });

    public Task<Referral> DeclineAsync(string referralId, string reason = "not within our mandate", string etag = "") =>
        Call(ReferralsServiceMethods.DeclineReferral, new DeclineReferralRequest { ReferralId = referralId, Reason = reason, Etag = etag });

    public Task<Referral> CompleteAsync(string referralId, string outcome = "records searched, nothing found", string etag = "") =>
        Call(ReferralsServiceMethods.CompleteReferral, new CompleteReferralRequest { ReferralId = referralId, Outcome = outcome, Etag = etag });

    public Task<Referral> WithdrawAsync(string referralId, string reason = "person located", string etag = "") =>
        Call(ReferralsServiceMethods.WithdrawReferral, new WithdrawReferralRequest { ReferralId = referralId, Reason = reason, Etag = etag });

    public void Dispose() => channel.Dispose();

    private Task<TResponse> Call<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>
        where TResponse : class, Google.Protobuf.IMessage<TResponse> =>
        channel.UnaryAsync(method, request, HubClient.WithCredentials(token, "duty-officer"));
}
