using CoordinationHub.Rpc;
using Google.Protobuf.Reflection;

namespace CoordinationHub.Contracts.V1;

/// <summary>The method table of <c>coordination.v1.AgenciesService</c>.</summary>
public static class AgenciesServiceMethods
{
    /// <summary>The service descriptor generated from <c>coordination/v1/agencies.proto</c>.</summary>
    public static ServiceDescriptor Descriptor { get; } = AgenciesReflection.Descriptor.FindTypeByName<ServiceDescriptor>("AgenciesService");

    /// <summary><c>RegisterAgency</c>: registers an agency.</summary>
    public static Method<RegisterAgencyRequest, Agency> RegisterAgency { get; } = Method.FromDescriptor<RegisterAgencyRequest, Agency>(Descriptor, nameof(RegisterAgency));

    /// <summary><c>GetAgency</c>: returns one agency.</summary>
    public static Method<GetAgencyRequest, Agency> GetAgency { get; } = Method.FromDescriptor<GetAgencyRequest, Agency>(Descriptor, nameof(GetAgency));

    /// <summary><c>ListAgencies</c>: pages through agencies.</summary>
    public static Method<ListAgenciesRequest, ListAgenciesResponse> ListAgencies { get; } = Method.FromDescriptor<ListAgenciesRequest, ListAgenciesResponse>(Descriptor, nameof(ListAgencies));

    /// <summary><c>UpdateAgencyClaims</c>: replaces an agency's claims.</summary>
    public static Method<UpdateAgencyClaimsRequest, Agency> UpdateAgencyClaims { get; } = Method.FromDescriptor<UpdateAgencyClaimsRequest, Agency>(Descriptor, nameof(UpdateAgencyClaims));

    /// <summary><c>SuspendAgency</c>: suspends an agency.</summary>
    public static Method<SuspendAgencyRequest, Agency> SuspendAgency { get; } = Method.FromDescriptor<SuspendAgencyRequest, Agency>(Descriptor, nameof(SuspendAgency));

    /// <summary><c>ReinstateAgency</c>: lifts a suspension.</summary>
    public static Method<ReinstateAgencyRequest, Agency> ReinstateAgency { get; } = Method.FromDescriptor<ReinstateAgencyRequest, Agency>(Descriptor, nameof(ReinstateAgency));

    /// <summary><c>RevokeAgency</c>: withdraws an agency's trust for good.</summary>
    public static Method<RevokeAgencyRequest, Agency> RevokeAgency { get; } = Method.FromDescriptor<RevokeAgencyRequest, Agency>(Descriptor, nameof(RevokeAgency));

    /// <summary><c>EnrollCertificate</c>: binds a certificate to an agency.</summary>
    public static Method<EnrollCertificateRequest, AgencyCertificate> EnrollCertificate { get; } = Method.FromDescriptor<EnrollCertificateRequest, AgencyCertificate>(Descriptor, nameof(EnrollCertificate));

    /// <summary><c>ListCertificates</c>: lists an agency's certificates.</summary>
    public static Method<ListCertificatesRequest, ListCertificatesResponse> ListCertificates { get; } = Method.FromDescriptor<ListCertificatesRequest, ListCertificatesResponse>(Descriptor, nameof(ListCertificates));

    /// <summary><c>RevokeCertificate</c>: refuses a certificate.</summary>
    public static Method<RevokeCertificateRequest, AgencyCertificate> RevokeCertificate { get; } = Method.FromDescriptor<RevokeCertificateRequest, AgencyCertificate>(Descriptor, nameof(RevokeCertificate));
}
