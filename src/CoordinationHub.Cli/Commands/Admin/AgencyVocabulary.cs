using CoordinationHub.Contracts.V1;
using Google.Protobuf.Reflection;

namespace CoordinationHub.Cli.Commands.Admin;

/// <summary>The enums of the Agencies API as hubctl reads and prints them.</summary>
internal static class AgencyVocabulary
{
    public static ProtoEnumNames<AgencyKind> Kinds { get; } = new(Find(AgenciesReflection.Descriptor, "AgencyKind"), "AGENCY_KIND_");

    public static ProtoEnumNames<AgencyStatus> Statuses { get; } = new(Find(AgenciesReflection.Descriptor, "AgencyStatus"), "AGENCY_STATUS_");

    public static ProtoEnumNames<CertificateStatus> CertificateStatuses { get; } = new(Find(AgenciesReflection.Descriptor, "CertificateStatus"), "CERTIFICATE_STATUS_");

    public static ProtoEnumNames<DataCategory> Categories { get; } = new(Find(ClaimsReflection.Descriptor, "DataCategory"), "DATA_CATEGORY_");

    public static ProtoEnumNames<Purpose> Purposes { get; } = new(Find(ClaimsReflection.Descriptor, "Purpose"), "PURPOSE_");

    private static EnumDescriptor Find(FileDescriptor file, string name) =>
        file.EnumTypes.Single(type => type.Name == name);
}
