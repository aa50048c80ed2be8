using System.Globalization;
using CoordinationHub.Cli.Output;
using CoordinationHub.Contracts.V1;
using Google.Protobuf.WellKnownTypes;

namespace CoordinationHub.Cli.Commands.Admin;

/// <summary>How agencies and certificates are shown: a row per item in lists, every field for one item; proto3 JSON for scripts.</summary>
internal static class AgencyViews
{
    public static OutputView<Agency> AgencyList { get; } = new(
        [
            new("Agency", agency => agency.AgencyId),
            new("Name", agency => agency.DisplayName),
            new("Kind", agency => AgencyVocabulary.Kinds.NameOf(agency.Kind)),
            new("Status", agency => AgencyVocabulary.Statuses.NameOf(agency.Status)),
            new("Scopes", agency => Lines(agency.Claims?.Scopes)),
            new("Categories", agency => Lines(agency.Claims?.DataCategories.Select(AgencyVocabulary.Categories.NameOf))),
            new("Purposes", agency => Lines(agency.Claims?.Purposes.Select(AgencyVocabulary.Purposes.NameOf))),
        ],
        agency => ProtoJson.ToJson(agency));

    public static OutputView<Agency> AgencyDetail { get; } = new(
        [
            new("Agency", agency => agency.AgencyId),
            new("Name", agency => agency.DisplayName),
            new("Kind", agency => AgencyVocabulary.Kinds.NameOf(agency.Kind)),
            new("Status", agency => AgencyVocabulary.Statuses.NameOf(agency.Status)),
            new("Status reason", agency => agency.StatusReason),
            new("Scopes", agency => Joined(agency.Claims?.Scopes)),
            new("Categories", agency => Joined(agency.Claims?.DataCategories.Select(AgencyVocabulary.Categories.NameOf))),
            new("Purposes", agency => Joined(agency.Claims?.Purposes.Select(AgencyVocabulary.Purposes.NameOf))),
            new("Created", agency => Time(agency.CreateTime)),
            new("Updated", agency => Time(agency.UpdateTime)),
            new("Etag", agency => agency.Etag),
        ],
        agency => ProtoJson.ToJson(agency));

    public static OutputView<AgencyCertificate> CertificateList { get; } = new(
        [
            new("Thumbprint (SHA-256)", certificate => certificate.ThumbprintSha256),
            new("Subject", certificate => certificate.Subject),
            new("Status", certificate => AgencyVocabulary.CertificateStatuses.NameOf(certificate.Status)),
            new("Not after", certificate => Time(certificate.NotAfter)),
        ],
        certificate => ProtoJson.ToJson(certificate));

    public static OutputView<AgencyCertificate> CertificateDetail { get; } = new(
        [
            new("Agency", certificate => certificate.AgencyId),
            new("Thumbprint (SHA-256)", certificate => certificate.ThumbprintSha256),
            new("Subject", certificate => certificate.Subject),
            new("Serial number", certificate => certificate.SerialNumber),
            new("Status", certificate => AgencyVocabulary.CertificateStatuses.NameOf(certificate.Status)),
            new("Not before", certificate => Time(certificate.NotBefore)),
            new("Not after", certificate => Time(certificate.NotAfter)),
        ],
        certificate => ProtoJson.ToJson(certificate));

    private static string Lines(IEnumerable<string>? values) => values is null ? string.Empty : string.Join('\n', values);

    private static string Joined(IEnumerable<string>? values) => values is null ? string.Empty : string.Join(", ", values);

    private static string Time(Timestamp? timestamp) =>
        timestamp?.ToDateTimeOffset().ToString("u", CultureInfo.InvariantCulture) ?? string.Empty;
}
