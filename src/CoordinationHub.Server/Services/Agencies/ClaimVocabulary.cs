using CoordinationHub.Contracts.V1;

namespace CoordinationHub.Server.Services.Agencies;

/// <summary>
/// The data-category and purpose enums of the API and their stored names (the vocabulary of
/// <see cref="Domain.Trust.DataCategories"/> and <see cref="Domain.Trust.Purposes"/>).
/// </summary>
internal static class ClaimVocabulary
{
    public static string? CategoryName(DataCategory category) => category switch
    {
        DataCategory.Identity => Domain.Trust.DataCategories.Identity,
        DataCategory.Circumstances => Domain.Trust.DataCategories.Circumstances,
        DataCategory.Contact => Domain.Trust.DataCategories.Contact,
        DataCategory.Antemortem => Domain.Trust.DataCategories.Antemortem,
        DataCategory.Genetic => Domain.Trust.DataCategories.Genetic,
        DataCategory.Location => Domain.Trust.DataCategories.Location,
        DataCategory.Investigation => Domain.Trust.DataCategories.Investigation,
        _ => null,
    };

    public static DataCategory CategoryFromName(string name) =>
        Enum.GetValues<DataCategory>().FirstOrDefault(c => CategoryName(c) == name);

    public static string? PurposeName(Purpose purpose) => purpose switch
    {
        Purpose.Search => Domain.Trust.Purposes.Search,
        Purpose.Identification => Domain.Trust.Purposes.Identification,
        Purpose.CriminalInvestigation => Domain.Trust.Purposes.CriminalInvestigation,
        Purpose.FamilyRights => Domain.Trust.Purposes.FamilyRights,
        Purpose.Statistics => Domain.Trust.Purposes.Statistics,
        _ => null,
    };

    public static Purpose PurposeFromName(string name) =>
        Enum.GetValues<Purpose>().FirstOrDefault(p => PurposeName(p) == name);
}
