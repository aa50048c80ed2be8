using CoordinationHub.Client.Internal;
using CoordinationHub.Contracts.V1;

namespace CoordinationHub.Client.Services;

/// <summary>
/// <c>coordination.v1.AgenciesService</c>: the agency registry and agencies' certificates (administrators). One method per RPC, each through the
/// connection's credentials, default deadline and retry rules (<see cref="HubConnection"/>); a
/// refusal arrives as <see cref="Rpc.RpcException"/> with the hub's status.
/// </summary>
public sealed class AgenciesClient
{
    private readonly HubCallInvoker _invoker;

    internal AgenciesClient(HubCallInvoker invoker) => _invoker = invoker;

    /// <summary><c>RegisterAgency</c>: registers an agency.</summary>
    public Task<Agency> RegisterAgencyAsync(RegisterAgencyRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(AgenciesServiceMethods.RegisterAgency, request, cancellationToken);

    /// <summary><c>GetAgency</c>: returns one agency.</summary>
    public Task<Agency> GetAgencyAsync(GetAgencyRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(AgenciesServiceMethods.GetAgency, request, cancellationToken);

    /// <summary><c>ListAgencies</c>: pages through agencies.</summary>
    public Task<ListAgenciesResponse> ListAgenciesAsync(ListAgenciesRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(AgenciesServiceMethods.ListAgencies, request, cancellationToken);

    /// <summary><c>UpdateAgencyClaims</c>: replaces an agency's claims.</summary>
    public Task<Agency> UpdateAgencyClaimsAsync(UpdateAgencyClaimsRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(AgenciesServiceMethods.UpdateAgencyClaims, request, cancellationToken);

    /// <summary><c>SuspendAgency</c>: suspends an agency.</summary>
    public Task<Agency> SuspendAgencyAsync(SuspendAgencyRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(AgenciesServiceMethods.SuspendAgency, request, cancellationToken);

    /// <summary><c>ReinstateAgency</c>: lifts a suspension.</summary>
    public Task<Agency> ReinstateAgencyAsync(ReinstateAgencyRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(AgenciesServiceMethods.ReinstateAgency, request, cancellationToken);

    /// <summary><c>RevokeAgency</c>: withdraws an agency's trust for good.</summary>
    public Task<Agency> RevokeAgencyAsync(RevokeAgencyRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(AgenciesServiceMethods.RevokeAgency, request, cancellationToken);

    /// <summary><c>EnrollCertificate</c>: binds a certificate to an agency.</summary>
    public Task<AgencyCertificate> EnrollCertificateAsync(EnrollCertificateRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(AgenciesServiceMethods.EnrollCertificate, request, cancellationToken);

    /// <summary><c>ListCertificates</c>: lists an agency's certificates.</summary>
    public Task<ListCertificatesResponse> ListCertificatesAsync(ListCertificatesRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(AgenciesServiceMethods.ListCertificates, request, cancellationToken);

    /// <summary><c>RevokeCertificate</c>: refuses a certificate.</summary>
    public Task<AgencyCertificate> RevokeCertificateAsync(RevokeCertificateRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(AgenciesServiceMethods.RevokeCertificate, request, cancellationToken);
}
