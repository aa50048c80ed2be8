namespace CoordinationHub.Samples.CsvImporter.Rows;

/// <summary>
/// The columns of the ministry's case export, named by the header line in any order. Only
/// <see cref="Reference"/> and one of the name columns are required; an unknown column is refused,
/// so that a misspelt header never drops a field silently.
/// </summary>
public static class MinistryColumns
{
    /// <summary>The ministry's own case reference (its file number): the key of the import.</summary>
    public const string Reference = "reference";

    /// <summary>Full name in Arabic script.</summary>
    public const string NameArabic = "name_ar";

    /// <summary>Full name in Latin script, in the ministry's usual transliteration.</summary>
    public const string NameLatin = "name_latin";

    /// <summary>M, F, male, female, ذكر, أنثى; blank or U when not recorded.</summary>
    public const string Sex = "sex";

    /// <summary>YYYY, YYYY-MM or YYYY-MM-DD.</summary>
    public const string DateOfBirth = "date_of_birth";

    /// <summary>Age when last seen, when the birth date is not known: 30 or 30-35.</summary>
    public const string AgeLastSeen = "age_last_seen";

    /// <summary>ISO 3166-1 alpha-2, for example SY.</summary>
    public const string Nationality = "nationality";

    /// <summary>Place last seen, as the ministry wrote it.</summary>
    public const string LastSeenPlace = "last_seen_place";

    /// <summary>Country last seen in, ISO 3166-1 alpha-2.</summary>
    public const string LastSeenCountry = "last_seen_country";

    /// <summary>YYYY, YYYY-MM or YYYY-MM-DD.</summary>
    public const string LastSeenDate = "last_seen_date";

    /// <summary>conflict, detention, migration_route, disaster or other.</summary>
    public const string Context = "context";

    /// <summary>What happened, in words.</summary>
    public const string Narrative = "narrative";

    /// <summary>A hub case id this report belongs to (attached instead of opening a case); usually blank.</summary>
    public const string HubCaseId = "hub_case_id";

    /// <summary>Every column, in the order the generator and the example write them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Reference, NameArabic, NameLatin, Sex, DateOfBirth, AgeLastSeen, Nationality, LastSeenPlace, LastSeenCountry, LastSeenDate, Context, Narrative, HubCaseId];
}
