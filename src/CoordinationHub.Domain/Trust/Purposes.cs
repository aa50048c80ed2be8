namespace CoordinationHub.Domain.Trust;

/// <summary>The purpose vocabulary (DESIGN.md section 4): why an agency may ask. Every read names one.</summary>
public static class Purposes
{
    public const string Search = "search";
    public const string Identification = "identification";
    public const string CriminalInvestigation = "criminal_investigation";
    public const string FamilyRights = "family_rights";
    public const string Statistics = "statistics";

    public static IReadOnlyList<string> All { get; } = [Search, Identification, CriminalInvestigation, FamilyRights, Statistics];

    public static bool IsKnown(string purpose) => All.Contains(purpose, StringComparer.Ordinal);
}
