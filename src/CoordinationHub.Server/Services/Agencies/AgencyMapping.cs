using System.Globalization;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Server.Persistence.Records;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using DomainStatus = CoordinationHub.Domain.Trust.AgencyStatus;

namespace CoordinationHub.Server.Services.Agencies;

/// <summary>Between stored agency records and the <c>coordination.v1</c> messages.</summary>
internal static class AgencyMapping
{
    private static readonly EnumDescriptor KindDescriptor = AgenciesReflection.Descriptor.FindTypeByName<EnumDescriptor>("AgencyKind");

    public static Agency ToMessage(AgencyRecord record) => new()
    {
        AgencyId = record.AgencyId,
        DisplayName = record.DisplayName,
        Kind = KindFromName(record.Kind),
        Status = record.Status switch
        {
            DomainStatus.Active => AgencyStatus.Active,
            DomainStatus.Suspended => AgencyStatus.Suspended,
            DomainStatus.Revoked => AgencyStatus.Revoked,
            _ => AgencyStatus.Unspecified,
        },
        Claims = new AgencyClaims
        {
            Scopes = { record.Scopes },
            DataCategories = { record.DataCategories.Select(ClaimVocabulary.CategoryFromName) },
            Purposes = { record.Purposes.Select(ClaimVocabulary.PurposeFromName) },
        },
        StatusReason = record.StatusReason,
        CreateTime = Timestamp.FromDateTimeOffset(record.CreatedAt),
        UpdateTime = Timestamp.FromDateTimeOffset(record.UpdatedAt),
        Etag = Etag(record.Version),
    };

    public static AgencyCertificate ToMessage(CertificateRecord record) => new()
    {
        ThumbprintSha256 = record.ThumbprintSha256,
        AgencyId = record.AgencyId,
        Subject = record.Subject,
        SerialNumber = record.SerialNumber,
        NotBefore = Timestamp.FromDateTimeOffset(record.NotBefore),
        NotAfter = Timestamp.FromDateTimeOffset(record.NotAfter),
        Status = record.Revoked ? CertificateStatus.Revoked : CertificateStatus.Active,
        CertificatePem = record.CertificatePem,
        CreateTime = Timestamp.FromDateTimeOffset(record.CreatedAt),
    };

    /// <summary>The etag: PostgreSQL's row version, quoted as HTTP etags are.</summary>
    public static string Etag(uint version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    public static bool TryParseEtag(string etag, out uint version) =>
        uint.TryParse(etag.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out version);

    /// <summary>The stored kind: the enum value's name without its prefix, readable in SQL (<c>FORENSIC_LABORATORY</c>).</summary>
    public static string KindName(AgencyKind kind) =>
        EnumName(KindDescriptor, (int)kind, "AGENCY_KIND_");

    public static AgencyKind KindFromName(string name) =>
        KindDescriptor.FindValueByName("AGENCY_KIND_" + name) is { } value ? (AgencyKind)value.Number : AgencyKind.Unspecified;

    public static DomainStatus? StatusFilter(AgencyStatus status) => status switch
    {
        AgencyStatus.Active => DomainStatus.Active,
        AgencyStatus.Suspended => DomainStatus.Suspended,
        AgencyStatus.Revoked => DomainStatus.Revoked,
        _ => null,
    };

    private static string EnumName(EnumDescriptor descriptor, int number, string prefix) =>
        descriptor.FindValueByNumber(number)?.Name[prefix.Length..] ?? throw new ArgumentOutOfRangeException(nameof(number), number, $"Not a value of {descriptor.FullName}.");
}
