using System.Globalization;
using CoordinationHub.Contracts.V1;

namespace CoordinationHub.Samples.CsvImporter.Rows;

/// <summary>The ministry's spellings of dates, sexes, contexts and ages, read into the API's vocabulary.</summary>
public static class FieldParsers
{
    private static readonly Dictionary<string, Sex> Sexes = new(StringComparer.OrdinalIgnoreCase)
    {
        [""] = Sex.Unspecified, ["u"] = Sex.Unspecified, ["unknown"] = Sex.Unspecified,
        ["m"] = Sex.Male, ["male"] = Sex.Male, ["ذكر"] = Sex.Male,
        ["f"] = Sex.Female, ["female"] = Sex.Female, ["أنثى"] = Sex.Female, ["انثى"] = Sex.Female,
    };

    private static readonly Dictionary<string, DisappearanceContext> Contexts = new(StringComparer.OrdinalIgnoreCase)
    {
        [""] = DisappearanceContext.Unspecified,
        ["conflict"] = DisappearanceContext.Conflict,
        ["detention"] = DisappearanceContext.Detention,
        ["migration_route"] = DisappearanceContext.MigrationRoute,
        ["disaster"] = DisappearanceContext.Disaster,
        ["other"] = DisappearanceContext.Other,
    };

    public static Sex ParseSex(string text) =>
        Sexes.TryGetValue(text.Trim(), out var sex) ? sex
        : throw new RowProblemException($"{MinistryColumns.Sex}: '{text}' is not a sex; give M, F, male, female, ذكر or أنثى (blank or U when not recorded).");

    public static DisappearanceContext ParseContext(string text) =>
        Contexts.TryGetValue(text.Trim(), out var context) ? context
        : throw new RowProblemException($"{MinistryColumns.Context}: '{text}' is not a context; give conflict, detention, migration_route, disaster or other.");

    /// <summary>
    /// YYYY, YYYY-MM or YYYY-MM-DD, and a real calendar date: a row whose date cannot be read is
    /// refused rather than sent without it, because the date is what tells two namesakes apart.
    /// </summary>
    public static PartialDate? ParseDate(string text, string column)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var parts = text.Split('-');
        var numbers = new int[parts.Length];
        var readable = parts.Length <= 3 && parts[0].Length == 4 && parts.Skip(1).All(p => p.Length is 1 or 2);
        for (var i = 0; readable && i < parts.Length; i++)
        {
            readable = int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]);
        }

        if (!readable || numbers[0] < 1900
            || (numbers.Length > 1 && numbers[1] is < 1 or > 12)
            || (numbers.Length > 2 && (numbers[2] < 1 || numbers[2] > DateTime.DaysInMonth(numbers[0], numbers[1]))))
        {
            throw new RowProblemException($"{column}: '{text}' is not a date; give YYYY, YYYY-MM or YYYY-MM-DD.");
        }

        return new PartialDate { Year = numbers[0], Month = numbers.Length > 1 ? numbers[1] : 0, Day = numbers.Length > 2 ? numbers[2] : 0 };
    }

    /// <summary>
    /// An age when last seen (<c>30</c> or <c>30-35</c>) as the birth years it allows: someone aged 30
    /// in 2016 was born in 1985 or 1986.
    /// </summary>
    public static (int From, int To)? ParseAgeRange(string text, PartialDate? lastSeen)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var parts = text.Split('-');
        if (parts.Length > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var youngest)
            || !int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var oldest)
            || youngest > oldest || oldest > 120)
        {
            throw new RowProblemException($"{MinistryColumns.AgeLastSeen}: '{text}' is not an age; give 30 or 30-35.");
        }

        if (lastSeen is null)
        {
            throw new RowProblemException($"{MinistryColumns.AgeLastSeen}: an age needs {MinistryColumns.LastSeenDate} to tell the birth years.");
        }

        return (lastSeen.Year - oldest - 1, lastSeen.Year - youngest);
    }
}
