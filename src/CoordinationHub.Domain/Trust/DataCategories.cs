namespace CoordinationHub.Domain.Trust;

/// <summary>
/// The data-category vocabulary (DESIGN.md section 4): which parts of a case an agency may see.
/// Stored and carried in tokens by these names.
/// </summary>
public static class DataCategories
{
    public const string Identity = "identity";
    public const string Circumstances = "circumstances";
    public const string Contact = "contact";
    public const string Antemortem = "antemortem";
    public const string Genetic = "genetic";
    public const string Location = "location";
    public const string Investigation = "investigation";

    public static IReadOnlyList<string> All { get; } = [Identity, Circumstances, Contact, Antemortem, Genetic, Location, Investigation];

    public static bool IsKnown(string category) => All.Contains(category, StringComparer.Ordinal);
}
