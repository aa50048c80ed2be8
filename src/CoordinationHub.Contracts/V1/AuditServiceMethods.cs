using CoordinationHub.Rpc;
using Google.Protobuf.Reflection;

namespace CoordinationHub.Contracts.V1;

/// <summary>The method table of <c>coordination.v1.AuditService</c>.</summary>
public static class AuditServiceMethods
{
    /// <summary>The service descriptor generated from <c>coordination/v1/audit.proto</c>.</summary>
    public static ServiceDescriptor Descriptor { get; } = AuditReflection.Descriptor.FindTypeByName<ServiceDescriptor>("AuditService");

    /// <summary><c>QueryEntries</c>: pages through matching entries, newest first.</summary>
    public static Method<QueryEntriesRequest, QueryEntriesResponse> QueryEntries { get; } =
        Method.FromDescriptor<QueryEntriesRequest, QueryEntriesResponse>(Descriptor, nameof(QueryEntries));

    /// <summary><c>ExportEntries</c>: streams checkpoints, then entries, of a range of the chains.</summary>
    public static Method<ExportEntriesRequest, ExportEntriesResponse> ExportEntries { get; } =
        Method.FromDescriptor<ExportEntriesRequest, ExportEntriesResponse>(Descriptor, nameof(ExportEntries));

    /// <summary><c>VerifyRange</c>: verifies a range of the chains on the hub.</summary>
    public static Method<VerifyRangeRequest, VerifyRangeResponse> VerifyRange { get; } =
        Method.FromDescriptor<VerifyRangeRequest, VerifyRangeResponse>(Descriptor, nameof(VerifyRange));
}
