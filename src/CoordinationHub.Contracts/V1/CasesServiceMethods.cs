using CoordinationHub.Rpc;
using Google.Protobuf.Reflection;

namespace CoordinationHub.Contracts.V1;

/// <summary>The method table of <c>coordination.v1.CasesService</c>.</summary>
public static class CasesServiceMethods
{
    /// <summary>The service descriptor generated from <c>coordination/v1/cases.proto</c>.</summary>
    public static ServiceDescriptor Descriptor { get; } = CasesReflection.Descriptor.FindTypeByName<ServiceDescriptor>("CasesService");

    /// <summary><c>ReportMissingPerson</c>: creates a case or attaches a report to one.</summary>
    public static Method<ReportMissingPersonRequest, ReportMissingPersonResponse> ReportMissingPerson { get; } = Method.FromDescriptor<ReportMissingPersonRequest, ReportMissingPersonResponse>(Descriptor, nameof(ReportMissingPerson));

    /// <summary><c>GetCase</c>: returns one case as the caller may see it.</summary>
    public static Method<GetCaseRequest, Case> GetCase { get; } = Method.FromDescriptor<GetCaseRequest, Case>(Descriptor, nameof(GetCase));

    /// <summary><c>ListCases</c>: pages through the cases the caller may see.</summary>
    public static Method<ListCasesRequest, ListCasesResponse> ListCases { get; } = Method.FromDescriptor<ListCasesRequest, ListCasesResponse>(Descriptor, nameof(ListCases));

    /// <summary><c>SearchCases</c>: finds cases by name, birth date and place.</summary>
    public static Method<SearchCasesRequest, SearchCasesResponse> SearchCases { get; } = Method.FromDescriptor<SearchCasesRequest, SearchCasesResponse>(Descriptor, nameof(SearchCases));

    /// <summary><c>UpdateCase</c>: changes the masked fields of a case.</summary>
    public static Method<UpdateCaseRequest, Case> UpdateCase { get; } = Method.FromDescriptor<UpdateCaseRequest, Case>(Descriptor, nameof(UpdateCase));

    /// <summary><c>ListCaseHistory</c>: pages through a case's history.</summary>
    public static Method<ListCaseHistoryRequest, ListCaseHistoryResponse> ListCaseHistory { get; } = Method.FromDescriptor<ListCaseHistoryRequest, ListCaseHistoryResponse>(Descriptor, nameof(ListCaseHistory));

    /// <summary><c>ResolveDuplicate</c>: merges two flagged cases or dismisses the flag.</summary>
    public static Method<ResolveDuplicateRequest, Case> ResolveDuplicate { get; } = Method.FromDescriptor<ResolveDuplicateRequest, Case>(Descriptor, nameof(ResolveDuplicate));
}
