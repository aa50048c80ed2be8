using CoordinationHub.Rpc;
using Google.Protobuf.Reflection;

namespace CoordinationHub.Contracts.V1;

/// <summary>The method table of <c>coordination.v1.IdentificationsService</c>.</summary>
public static class IdentificationsServiceMethods
{
    /// <summary>The service descriptor generated from <c>coordination/v1/identifications.proto</c>.</summary>
    public static ServiceDescriptor Descriptor { get; } = IdentificationsReflection.Descriptor.FindTypeByName<ServiceDescriptor>("IdentificationsService");

    /// <summary><c>ReportIdentification</c>: a laboratory reports a match against a case.</summary>
    public static Method<ReportIdentificationRequest, Identification> ReportIdentification { get; } = Method.FromDescriptor<ReportIdentificationRequest, Identification>(Descriptor, nameof(ReportIdentification));

    /// <summary><c>GetIdentification</c>: returns one identification.</summary>
    public static Method<GetIdentificationRequest, Identification> GetIdentification { get; } = Method.FromDescriptor<GetIdentificationRequest, Identification>(Descriptor, nameof(GetIdentification));

    /// <summary><c>ListIdentifications</c>: the identifications of one case.</summary>
    public static Method<ListIdentificationsRequest, ListIdentificationsResponse> ListIdentifications { get; } = Method.FromDescriptor<ListIdentificationsRequest, ListIdentificationsResponse>(Descriptor, nameof(ListIdentifications));

    /// <summary><c>ConfirmIdentification</c>: a second authority confirms the match.</summary>
    public static Method<ConfirmIdentificationRequest, Identification> ConfirmIdentification { get; } = Method.FromDescriptor<ConfirmIdentificationRequest, Identification>(Descriptor, nameof(ConfirmIdentification));

    /// <summary><c>RejectIdentification</c>: a second authority rejects the match.</summary>
    public static Method<RejectIdentificationRequest, Identification> RejectIdentification { get; } = Method.FromDescriptor<RejectIdentificationRequest, Identification>(Descriptor, nameof(RejectIdentification));

    /// <summary><c>RecordFamilyInformed</c>: the family's liaison records that the family was informed.</summary>
    public static Method<RecordFamilyInformedRequest, Identification> RecordFamilyInformed { get; } = Method.FromDescriptor<RecordFamilyInformedRequest, Identification>(Descriptor, nameof(RecordFamilyInformed));
}
