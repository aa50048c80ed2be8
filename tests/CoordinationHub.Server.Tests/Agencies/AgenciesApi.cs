using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Server.Tests.Agencies;

/// <summary>The Agencies RPCs as one administrator calls them, so tests read as the operations they perform.</summary>
internal sealed class AgenciesApi(RpcChannel channel, string token)
{
    /// <summary>Registers a fresh administrator agency in the hub's database and signs in as it.</summary>
    public static async Task<AgenciesApi> SignInAsAdminAsync(HubTestHost hub)
    {
        var admin = await hub.Trust.RegisterAgencyAsync("admin", [Domain.Trust.Scopes.AgenciesAdmin]);
        var token = await hub.Client.GetTokenAsync(admin.Certificate, admin.AgencyId);
        return new AgenciesApi(hub.Client.OpenChannel(admin.Certificate), token);
    }

    public static AgencyClaims Claims(IEnumerable<string>? scopes = null, IEnumerable<DataCategory>? categories = null, IEnumerable<Purpose>? purposes = null) => new()
    {
        Scopes = { scopes ?? [] },
        DataCategories = { categories ?? [] },
        Purposes = { purposes ?? [] },
    };

    public static string NewAgencyId(string prefix = "agency") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)];

    public Task<Agency> RegisterAsync(string agencyId, AgencyKind kind = AgencyKind.Interior, AgencyClaims? claims = null, string displayName = "Test agency") =>
        Call(AgenciesServiceMethods.RegisterAgency, new RegisterAgencyRequest { AgencyId = agencyId, DisplayName = displayName, Kind = kind, Claims = claims ?? Claims(["cases.read"]) });

    public Task<Agency> GetAsync(string agencyId) => Call(AgenciesServiceMethods.GetAgency, new GetAgencyRequest { AgencyId = agencyId });

    public Task<ListAgenciesResponse> ListAsync(int pageSize, string pageToken = "", AgencyStatus status = AgencyStatus.Unspecified) =>
        Call(AgenciesServiceMethods.ListAgencies, new ListAgenciesRequest { PageSize = pageSize, PageToken = pageToken, Status = status });

    public Task<Agency> UpdateClaimsAsync(string agencyId, AgencyClaims claims, string etag = "") =>
        Call(AgenciesServiceMethods.UpdateAgencyClaims, new UpdateAgencyClaimsRequest { AgencyId = agencyId, Claims = claims, Etag = etag });

    public Task<Agency> SuspendAsync(string agencyId, string reason = "inquiry") => Call(AgenciesServiceMethods.SuspendAgency, new SuspendAgencyRequest { AgencyId = agencyId, Reason = reason });

    public Task<Agency> ReinstateAsync(string agencyId, string reason = "cleared") => Call(AgenciesServiceMethods.ReinstateAgency, new ReinstateAgencyRequest { AgencyId = agencyId, Reason = reason });

    public Task<Agency> RevokeAsync(string agencyId, string reason = "dissolved") => Call(AgenciesServiceMethods.RevokeAgency, new RevokeAgencyRequest { AgencyId = agencyId, Reason = reason });

    public Task<AgencyCertificate> EnrollCsrAsync(string agencyId, string csrPem, int validityDays = 0) =>
        Call(AgenciesServiceMethods.EnrollCertificate, new EnrollCertificateRequest { AgencyId = agencyId, CsrPem = csrPem, ValidityDays = validityDays });

    public Task<AgencyCertificate> EnrollExternalAsync(string agencyId, string certificatePem) =>
        Call(AgenciesServiceMethods.EnrollCertificate, new EnrollCertificateRequest { AgencyId = agencyId, CertificatePem = certificatePem });

    public Task<ListCertificatesResponse> ListCertificatesAsync(string agencyId) => Call(AgenciesServiceMethods.ListCertificates, new ListCertificatesRequest { AgencyId = agencyId });

    public Task<AgencyCertificate> RevokeCertificateAsync(string thumbprint, string reason = "key lost") =>
        Call(AgenciesServiceMethods.RevokeCertificate, new RevokeCertificateRequest { ThumbprintSha256 = thumbprint, Reason = reason });

    private Task<TResponse> Call<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>
        where TResponse : class, Google.Protobuf.IMessage<TResponse> =>
        channel.UnaryAsync(method, request, HubClient.WithCredentials(token, "admin-officer"));
}
