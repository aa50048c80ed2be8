using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Matching;
using NameScript = CoordinationHub.Contracts.V1.NameScript;
using Sex = CoordinationHub.Contracts.V1.Sex;

namespace CoordinationHub.Server.Synthetic;

/// <summary>
/// A generated person (Domain's deterministic generator) as the sections an agency would report:
/// one mapping for the tests, the benchmarks and <c>hubctl cases generate</c> (which fills a demo hub),
/// so all of them send what an adapter would.
/// </summary>
public static class SyntheticReports
{
    // The generator keeps ISO alpha-3 codes; the API takes alpha-2.
    private static readonly Dictionary<string, string> Alpha2 = new(StringComparer.Ordinal) { ["IRQ"] = "IQ", ["LBY"] = "LY", ["SYR"] = "SY" };

    public static CaseSections Sections(PersonDescription person)
    {
        ArgumentNullException.ThrowIfNull(person);
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
}
