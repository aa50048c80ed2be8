using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using CoordinationHub.Testing.Hub;
using Google.Protobuf.WellKnownTypes;

namespace CoordinationHub.Server.Tests.Cases;

/// <summary>The Cases RPCs as one agency calls them over mTLS with its own token, so tests read as the operations they perform.</summary>
internal sealed class CasesApi(TestAgency agency, RpcChannel channel, string token) : IDisposable
{
    public static readonly string[] ReadWrite = [Scopes.CasesRead, Scopes.CasesWrite];

    public TestAgency Agency => agency;

    public string AgencyId => agency.AgencyId;

    /// <summary>Registers an agency in the hub's database and signs in as it.</summary>
    public static async Task<CasesApi> SignInAsync(
        HubTestHost hub, string prefix, IEnumerable<string>? scopes = null, IEnumerable<string>? categories = null, IEnumerable<string>? purposes = null)
    {
        var agency = await hub.Trust.RegisterAgencyAsync(prefix, scopes ?? ReadWrite, categories: categories, purposes: purposes);
        var token = await hub.Client.GetTokenAsync(agency.Certificate, agency.AgencyId);
        return new CasesApi(agency, hub.Client.OpenChannel(agency.Certificate), token);
    }

    public static string NewRequestId() => Guid.NewGuid().ToString();

    public Task<ReportMissingPersonResponse> ReportAsync(CaseSections sections, string? requestId = null, string caseId = "", string localReference = "REF/1") =>
        Call(CasesServiceMethods.ReportMissingPerson, new ReportMissingPersonRequest
        {
            RequestId = requestId ?? NewRequestId(), CaseId = caseId, LocalReference = localReference, Sections = sections,
        });

    public Task<ReportMissingPersonResponse> ReportAsync(ReportMissingPersonRequest request) => Call(CasesServiceMethods.ReportMissingPerson, request);

    public Task<Case> GetAsync(string caseId, Purpose purpose = Purpose.Search) =>
        Call(CasesServiceMethods.GetCase, new GetCaseRequest { CaseId = caseId, Purpose = purpose });

    public Task<ListCasesResponse> ListAsync(int pageSize = 0, string pageToken = "", CaseStatus status = CaseStatus.Unspecified, string reportingAgencyId = "", Purpose purpose = Purpose.Search) =>
        Call(CasesServiceMethods.ListCases, new ListCasesRequest { Purpose = purpose, PageSize = pageSize, PageToken = pageToken, Status = status, ReportingAgencyId = reportingAgencyId });

    public Task<SearchCasesResponse> SearchAsync(string name, PartialDate? dateOfBirth = null, string place = "", Purpose purpose = Purpose.Search) =>
        Call(CasesServiceMethods.SearchCases, new SearchCasesRequest { Purpose = purpose, Name = name, DateOfBirth = dateOfBirth, Place = place });

    public Task<Case> UpdateAsync(string caseId, string etag, CaseSections? sections = null, CaseStatus status = CaseStatus.Unspecified, params string[] paths) =>
        Call(CasesServiceMethods.UpdateCase, new UpdateCaseRequest
        {
            CaseId = caseId, Etag = etag, Sections = sections, Status = status, UpdateMask = new FieldMask { Paths = { paths } }, RequestId = NewRequestId(),
        });

    public Task<ListCaseHistoryResponse> HistoryAsync(string caseId, int pageSize = 0, string pageToken = "") =>
        Call(CasesServiceMethods.ListCaseHistory, new ListCaseHistoryRequest { CaseId = caseId, PageSize = pageSize, PageToken = pageToken });

    public Task<Case> ResolveAsync(string caseId, string flagId, DuplicateResolution resolution, string reason = "reviewed by the coordination unit") =>
        Call(CasesServiceMethods.ResolveDuplicate, new ResolveDuplicateRequest { CaseId = caseId, FlagId = flagId, Resolution = resolution, Reason = reason });

    public void Dispose() => channel.Dispose();

    private Task<TResponse> Call<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>
        where TResponse : class, Google.Protobuf.IMessage<TResponse> =>
        channel.UnaryAsync(method, request, HubClient.WithCredentials(token, "officer-" + agency.AgencyId));
}
