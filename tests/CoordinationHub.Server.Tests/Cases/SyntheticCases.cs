using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Matching;
using CoordinationHub.Domain.Synthetic;
using NameScript = CoordinationHub.Contracts.V1.NameScript;
using Sex = CoordinationHub.Contracts.V1.Sex;

namespace CoordinationHub.Server.Tests.Cases;

/// <summary>Generated persons (Domain's deterministic generator) as the sections an agency would report.</summary>
internal static class SyntheticCases
{
    // The generator keeps ISO alpha-3 codes; the API takes alpha-2.
    private static readonly Dictionary<string, string> Alpha2 = new(StringComparer.Ordinal) { ["IRQ"] = "IQ", ["LBY"] = "LY", ["SYR"] = "SY" };

    public static CaseSections Sections(PersonDescription person)
    {
        var identity = new PersonIdentity
        {
            Sex = person.Sex switch { Domain.Matching.Sex.Female => Sex.Female, Domain.Matching.Sex.Male => Sex.Male, _ => Sex.Unspecified },
            Nationality = person.Nationality is { } n ? Alpha2[n] : string.Empty,
        };
        identity.Names.AddRange(person.Names.Select(v => new PersonName
        {
            FullName = v.Text,
            Script = v.Script switch { Domain.Matching.NameScript.Arabic => NameScript.Arabic, Domain.Matching.NameScript.Latin => NameScript.Latin, _ => NameScript.Unspecified },
        }));
        if (person.DateOfBirth is { } dob)
        {
            identity.DateOfBirth = new PartialDate { Year = dob.Year, Month = dob.Month, Day = dob.Day };
        }
        else if (person.BirthYearRange is { } range)
        {
            identity.BirthYearFrom = range.From;
            identity.BirthYearTo = range.To;
        }

        var lastSeen = new LastSeen { Place = person.LastSeenPlace?.Name ?? string.Empty, Context = DisappearanceContext.Conflict };
        if (person.LastSeenPlace?.Coordinates is { } point)
        {
            lastSeen.Latitude = point.Latitude;
            lastSeen.Longitude = point.Longitude;
        }

        if (person.LastSeenDate is { } seen)
        {
            lastSeen.Date = new PartialDate { Year = seen.Year, Month = seen.Month, Day = seen.Day };
        }

        return new CaseSections { Identity = identity, Circumstances = lastSeen };
    }

    /// <summary>
    /// A person first reported in Arabic script only, and a re-report of them in Latin script only
    /// that the assessor rates a likely duplicate: the cross-script case the hub exists for.
    /// </summary>
    public static (PersonDescription Arabic, PersonDescription Latin) ArabicThenLatin(int seed)
    {
        var generator = new SyntheticPersonGenerator(seed);
        while (true)
        {
            var person = generator.NextPerson();
            if (person.Report.Names is not [{ Script: Domain.Matching.NameScript.Arabic }])
            {
                continue;
            }

            for (var attempt = 0; attempt < 5; attempt++)
            {
                var again = generator.ReReport(person);
                if (again.Names is [{ Script: Domain.Matching.NameScript.Latin }] && DuplicateAssessor.Assess(person.Report, again).IsLikelyDuplicate)
                {
                    return (person.Report, again);
                }
            }
        }
    }

    /// <summary>Some person, as a first report.</summary>
    public static PersonDescription Person(int seed) => new SyntheticPersonGenerator(seed).NextPerson().Report;
}
