using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using CoordinationHub.Testing.Hub;
using Google.Protobuf.WellKnownTypes;

namespace CoordinationHub.Server.Tests.Consents;

/// <summary>The Consents RPCs (and GetCase) as one agency calls them over mTLS with its token, so tests read as the operations they perform.</summary>
internal sealed class ConsentsApi(string agencyId, RpcChannel channel, string? token) : IDisposable
{
    public string AgencyId => agencyId;

    public static async Task<ConsentsApi> SignInAsync(HubTestHost hub, TestAgency agency) =>
        new(agency.AgencyId, hub.Client.OpenChannel(agency.Certificate), await hub.Client.GetTokenAsync(agency.Certificate, agency.AgencyId));

    /// <summary>A family member's consent: the given scope, from now, open-ended.</summary>
    public static RecordConsentRequest NewConsent(string caseId, DisclosureScope scope, string relation = "mother") => new()
    {
        RequestId = Guid.NewGuid().ToString("N"),
        CaseId = caseId,
        Giver = ConsentGiver.FamilyMember,
        GiverRelation = relation,
        Scope = scope,
        FormReference = "FORM/2026/" + Random.Shared.Next(1000, 9999),
    };

    /// <summary>A court order for the given scope, valid for 90 days.</summary>
    public static RecordLegalAuthorisationRequest NewCourtOrder(string caseId, DisclosureScope scope) => new()
    {
        RequestId = Guid.NewGuid().ToString("N"),
        CaseId = caseId,
        Basis = LegalBasis.CourtOrder,
        Reference = "Court of Appeal 2026/311",
        IssuingBody = "Tripoli Court of Appeal",
        Scope = scope,
        ExpireTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(90)),
    };

    public static DisclosureScope Scope(Purpose purpose, IEnumerable<DataCategory> categories, IEnumerable<string>? agencies = null, IEnumerable<AgencyKind>? kinds = null) => new()
    {
        Purposes = { purpose },
        DataCategories = { categories },
        RecipientAgencyIds = { agencies ?? [] },
        RecipientAgencyKinds = { kinds ?? [] },
    };

    public Task<Consent> RecordAsync(RecordConsentRequest request) => Call(ConsentsServiceMethods.RecordConsent, request);

    public Task<Consent> GetAsync(string consentId) => Call(ConsentsServiceMethods.GetConsent, new GetConsentRequest { ConsentId = consentId });

    public Task<ListConsentsResponse> ListAsync(string caseId, int pageSize = 0, string pageToken = "") =>
        Call(ConsentsServiceMethods.ListConsents, new ListConsentsRequest { CaseId = caseId, PageSize = pageSize, PageToken = pageToken });

    public Task<Consent> WithdrawAsync(string consentId, string reason = "withdrawn by the giver in writing") =>
        Call(ConsentsServiceMethods.WithdrawConsent, new WithdrawConsentRequest { ConsentId = consentId, Reason = reason });

    public Task<LegalAuthorisation> RecordAsync(RecordLegalAuthorisationRequest request) => Call(ConsentsServiceMethods.RecordLegalAuthorisation, request);

    public Task<LegalAuthorisation> GetAuthorisationAsync(string authorisationId) =>
        Call(ConsentsServiceMethods.GetLegalAuthorisation, new GetLegalAuthorisationRequest { AuthorisationId = authorisationId });

    public Task<ListLegalAuthorisationsResponse> ListAuthorisationsAsync(string caseId) =>
        Call(ConsentsServiceMethods.ListLegalAuthorisations, new ListLegalAuthorisationsRequest { CaseId = caseId });

    public Task<Case> GetCaseAsync(string caseId, Purpose purpose) =>
        Call(CasesServiceMethods.GetCase, new GetCaseRequest { CaseId = caseId, Purpose = purpose });

    public void Dispose() => channel.Dispose();

    private Task<TResponse> Call<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>
        where TResponse : class, Google.Protobuf.IMessage<TResponse> =>
        channel.UnaryAsync(method, request, HubClient.WithCredentials(token, "officer-" + agencyId));
}
