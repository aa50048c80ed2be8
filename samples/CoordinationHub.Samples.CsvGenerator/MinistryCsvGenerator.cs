using System.Globalization;
using CoordinationHub.Domain.Matching;
using CoordinationHub.Domain.Synthetic;
using CoordinationHub.Samples.CsvImporter.Csv;
using CoordinationHub.Samples.CsvImporter.Rows;

namespace CoordinationHub.Samples.CsvGenerator;

/// <summary>
/// A ministry's case export of invented persons (the hub's deterministic generator: Arabic and Latin
/// names under several transliteration habits, Iraqi, Syrian and Libyan places, partial dates). About
/// one row in twenty files again a person of an earlier row, as another office of the ministry would
/// (other spelling, shorter name, birth date off), so the hub has duplicates to flag.
/// </summary>
public sealed class MinistryCsvGenerator(int seed)
{
    private const double ReReportShare = 0.05;

    // The generator keeps ISO alpha-3 codes, as the domain does; the ministry writes alpha-2, as the API does.
    private static readonly Dictionary<string, string> Alpha2 = new(StringComparer.Ordinal) { ["IRQ"] = "IQ", ["LBY"] = "LY", ["SYR"] = "SY" };

    private static readonly Dictionary<LastSeenContext, (string Context, string[] Narratives)> Contexts = new()
    {
        [LastSeenContext.ArmedConflict] = ("conflict", ["Left home during the shelling, never reached the shelter", "Last seen at a checkpoint, taken by armed men", "خرج أثناء القصف ولم يعد"]),
        [LastSeenContext.Detention] = ("detention", ["Arrested at home at night; family told he was held at the \"Palestine branch\"", "Detained at a checkpoint, transferred, no news since", "اعتقل من منزله ليلاً"]),
        [LastSeenContext.MigrationRoute] = ("migration_route", ["Boarded a boat at Zuwara, the boat did not arrive", "Called from the desert crossing, then no contact", "اتصل من الحدود ثم انقطع الاتصال"]),
        [LastSeenContext.Displacement] = ("other", ["Separated from the family in the displacement camp", "Fled the town with neighbours, not seen since"]),
    };

    private readonly SyntheticPersonGenerator _persons = new(seed);
#pragma warning disable CA5394 // Test data: a seeded, reproducible sequence is the point.
    private readonly Random _random = new(seed ^ 0x5EED);

    /// <summary>Writes the header and <paramref name="rows"/> rows.</summary>
    public void Write(TextWriter output, int rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(CsvFields.Line(MinistryColumns.All));
        var earlier = new List<SyntheticPerson>();
        for (var number = 1; number <= rows; number++)
        {
            SyntheticPerson person;
            PersonDescription report;
            if (earlier.Count > 10 && _random.NextDouble() < ReReportShare)
            {
                person = earlier[_random.Next(earlier.Count)];
                report = _persons.ReReport(person);
            }
            else
            {
                person = _persons.NextPerson();
                report = person.Report;
                earlier.Add(person);
            }

            output.WriteLine(CsvFields.Line(Row(number, person, report)));
        }
    }

    private IEnumerable<string> Row(int number, SyntheticPerson person, PersonDescription report)
    {
        var (context, narratives) = Contexts[person.Context];
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MinistryColumns.Reference] = string.Create(CultureInfo.InvariantCulture, $"MOI-{seed}-{number:D6}"),
            [MinistryColumns.NameArabic] = report.Names.FirstOrDefault(n => n.Script == NameScript.Arabic)?.Text ?? string.Empty,
            [MinistryColumns.NameLatin] = report.Names.FirstOrDefault(n => n.Script == NameScript.Latin)?.Text ?? string.Empty,
            [MinistryColumns.Sex] = report.Sex switch { Sex.Male => "M", Sex.Female => "F", _ => string.Empty },
            [MinistryColumns.DateOfBirth] = Date(report.DateOfBirth),
            [MinistryColumns.AgeLastSeen] = report.DateOfBirth is null && report.BirthYearRange is { } range && report.LastSeenDate is { } seen
                ? string.Create(CultureInfo.InvariantCulture, $"{seen.Year - range.To}-{seen.Year - range.From}")
                : string.Empty,
            [MinistryColumns.Nationality] = report.Nationality is { } nationality ? Alpha2[nationality] : string.Empty,
            [MinistryColumns.LastSeenPlace] = report.LastSeenPlace?.Name ?? string.Empty,
            [MinistryColumns.LastSeenCountry] = Alpha2[person.Place.Country],
            [MinistryColumns.LastSeenDate] = Date(report.LastSeenDate),
            [MinistryColumns.Context] = context,
            [MinistryColumns.Narrative] = narratives[_random.Next(narratives.Length)],
        };
        return MinistryColumns.All.Select(column => values.GetValueOrDefault(column, string.Empty));
    }
#pragma warning restore CA5394

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
