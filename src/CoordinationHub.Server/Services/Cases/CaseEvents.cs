using CoordinationHub.Server.Persistence.Records.Cases;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>History entries of a case, in the words its readers see.</summary>
internal static class CaseEvents
{
    // The description column holds 1,000 characters.
    private const int MaxDescription = 1000;

    public static CaseEventRecord New(string caseId, DateTimeOffset now, string agencyId, string description, IEnumerable<string> categories) => new()
    {
        CaseId = caseId,
        OccurredAt = now,
        AgencyId = agencyId,
        Description = description.Length <= MaxDescription ? description : description[..(MaxDescription - 1)] + "…",
        Categories = [.. categories],
    };
}
