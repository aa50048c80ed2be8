using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Disclosure;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Services.Agencies;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using DomainState = CoordinationHub.Domain.Identifications.IdentificationState;

namespace CoordinationHub.Server.Services.Identifications;

/// <summary>Identifications between their stored form (prefix-less proto enum names) and the API.</summary>
internal static class IdentificationMapping
{
    private const string MethodPrefix = "IDENTIFICATION_METHOD_";
    private const string MatchedPrefix = "MATCHED_PERSON_";
    private static readonly EnumDescriptor MethodDescriptor = IdentificationsReflection.Descriptor.FindTypeByName<EnumDescriptor>("IdentificationMethod");
    private static readonly EnumDescriptor MatchedDescriptor = IdentificationsReflection.Descriptor.FindTypeByName<EnumDescriptor>("MatchedPerson");

    public static string MethodName(IdentificationMethod method) => Name(MethodDescriptor, (int)method, MethodPrefix);

    public static string MatchedPersonName(MatchedPerson matched) => Name(MatchedDescriptor, (int)matched, MatchedPrefix);

    public static Identification ToMessage(IdentificationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new Identification
        {
            IdentificationId = record.IdentificationId.ToString(),
            CaseId = record.CaseId,
            ReportingAgencyId = record.ReportingAgencyId,
            Site = record.Site,
            SampleReference = record.SampleReference,
            Method = (IdentificationMethod)(MethodDescriptor.FindValueByName(MethodPrefix + record.Method)?.Number ?? 0),
            Statistics = new MatchStatistics { LikelihoodRatio = record.LikelihoodRatio, PosteriorProbability = record.PosteriorProbability, PointsCompared = record.PointsCompared },
            MatchedPerson = (MatchedPerson)(MatchedDescriptor.FindValueByName(MatchedPrefix + record.MatchedPerson)?.Number ?? 0),
            State = record.State switch
            {
                DomainState.Reported => IdentificationState.Reported,
                DomainState.Confirmed => IdentificationState.Confirmed,
                DomainState.Rejected => IdentificationState.Rejected,
                _ => IdentificationState.Unspecified,
            },
            ReviewingAgencyId = record.ReviewingAgencyId,
            ReviewNote = record.ReviewNote,
            FamilyInformedByAgencyId = record.FamilyInformedByAgencyId,
            FamilyInformedTime = record.FamilyInformedAt is { } informed ? Timestamp.FromDateTimeOffset(informed) : null,
            CreateTime = Timestamp.FromDateTimeOffset(record.CreatedAt),
            UpdateTime = Timestamp.FromDateTimeOffset(record.UpdatedAt),
            Etag = AgencyMapping.Etag(record.Version),
        };
    }

    /// <summary>
    /// The data category an identification's forensic details belong to: a DNA kinship match
    /// rests on genetic references, the others on antemortem records. The details (site, sample,
    /// statistics) are shown only to a reader disclosed that category.
    /// </summary>
    public static string DetailsCategory(IdentificationMethod method) =>
        method == IdentificationMethod.DnaKinship ? DataCategories.Genetic : DataCategories.Antemortem;

    /// <summary>Withholds the forensic details unless <paramref name="decision"/> discloses their category.</summary>
    public static void CutDetails(Identification identification, DisclosureDecision? decision)
    {
        ArgumentNullException.ThrowIfNull(identification);
        if (decision is not null && decision.Disclosed.Contains(DetailsCategory(identification.Method)))
        {
            return;
        }

        identification.Site = string.Empty;
        identification.SampleReference = string.Empty;
        identification.Statistics = null;
        identification.ReviewNote = string.Empty;
    }

    private static string Name(EnumDescriptor descriptor, int number, string prefix) =>
        descriptor.FindValueByNumber(number)?.Name[prefix.Length..] ?? throw new ArgumentOutOfRangeException(nameof(number), number, $"Not a value of {descriptor.FullName}.");
}
