using CoordinationHub.Domain.Disclosure;
using CoordinationHub.Server.Persistence.Records.Cases;

namespace CoordinationHub.Server.Services.Consents;

/// <summary>
/// Case-history entries of consents and authorisations. They name the grant, its purposes,
/// categories and recipients but never the free-text reasons or form references.
/// </summary>
internal static class GrantEvents
{
    public static CaseEventRecord Recorded(DisclosureGrantRecord grant) => new()
    {
        CaseId = grant.CaseId,
        OccurredAt = grant.CreatedAt,
        AgencyId = grant.RecordedByAgencyId,
        Description = $"{Noun(grant)} {grant.GrantId} recorded: {string.Join(", ", grant.Purposes)} to {Recipients(grant)}",
        Categories = [.. grant.DataCategories],
    };

    public static CaseEventRecord Withdrawn(DisclosureGrantRecord grant, DateTimeOffset now) => new()
    {
        CaseId = grant.CaseId,
        OccurredAt = now,
        AgencyId = grant.RecordedByAgencyId,
        Description = $"consent {grant.GrantId} withdrawn",
        Categories = [.. grant.DataCategories],
    };

    public static string Recipients(DisclosureGrantRecord grant) =>
        string.Join(", ", grant.RecipientAgencyIds.Concat(grant.RecipientKinds.Select(k => "every " + k)));

    private static string Noun(DisclosureGrantRecord grant) =>
        grant.Kind == DisclosureGrantKind.Consent ? "consent" : "legal authorisation";
}
