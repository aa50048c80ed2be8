using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Matching;
using NameScript = CoordinationHub.Contracts.V1.NameScript;
using Sex = CoordinationHub.Contracts.V1.Sex;

namespace CoordinationHub.Bench.Cases;

/// <summary>A generated report as the sections an agency would send (the same mapping as the Cases tests).</summary>
internal static class BenchSections
{
    // The generator keeps ISO alpha-3 codes; the API takes alpha-2.
    private static readonly Dictionary<string, string> Alpha2 = new(StringComparer.Ordinal) { ["IRQ"] = "IQ", ["LBY"] = "LY", ["SYR"] = "SY" };

    public static CaseSections From(PersonDescription person)
    {
        var identity = new PersonIdentity
        {
            Sex = person.Sex switch { Domain.Matching.Sex.Female => Sex.Female, Domain.Matching.Sex.Male => Sex.Male, _ => Sex.Unspecified },
            Nationality = person.Nationality is { } n ? Alpha2[n] : string.Empty,
        };
        identity.Names.AddRange(person.Names.Select(v => new PersonName
        {
            FullName = v.Text,
            Script = v.Script == Domain.Matching.NameScript.Arabic ? NameScript.Arabic : NameScript.Latin,
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
            (lastSeen.Latitude, lastSeen.Longitude) = (point.Latitude, point.Longitude);
        }

        if (person.LastSeenDate is { } seen)
        {
            lastSeen.Date = new PartialDate { Year = seen.Year, Month = seen.Month, Day = seen.Day };
        }

        return new CaseSections { Identity = identity, Circumstances = lastSeen };
    }
}
