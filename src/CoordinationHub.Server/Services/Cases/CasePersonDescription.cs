using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Matching;
using DomainNameScript = CoordinationHub.Domain.Matching.NameScript;
using DomainSex = CoordinationHub.Domain.Matching.Sex;
using NameScript = CoordinationHub.Contracts.V1.NameScript;
using Sex = CoordinationHub.Contracts.V1.Sex;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>
/// Reduces the API's sections to what duplicate detection compares, and derives the columns the
/// candidate lookup uses (<c>name_keys</c>, <c>name_terms</c>, <c>name_search</c>, <c>birth_year</c>) from it.
/// </summary>
internal static class CasePersonDescription
{
    public static PersonDescription From(PersonIdentity? identity, LastSeen? lastSeen)
    {
        var names = identity?.Names.Select(n => new NameVariant(n.FullName, n.Script switch
        {
            NameScript.Arabic => DomainNameScript.Arabic,
            NameScript.Latin => DomainNameScript.Latin,
            _ => DomainNameScript.Unknown,
        })).ToList() ?? [];

        return new PersonDescription
        {
            Names = names,
            Sex = identity?.Sex switch { Sex.Female => DomainSex.Female, Sex.Male => DomainSex.Male, _ => null },
            DateOfBirth = FullDate(identity?.DateOfBirth),
            BirthYearRange = BirthYears(identity),
            Nationality = string.IsNullOrEmpty(identity?.Nationality) ? null : identity.Nationality,
            LastSeenPlace = lastSeen is null || lastSeen.Place.Length == 0 ? null
                : new PlaceDescription(lastSeen.Place, lastSeen.Latitude == 0 && lastSeen.Longitude == 0 ? null : new GeoPoint(lastSeen.Latitude, lastSeen.Longitude)),
            LastSeenDate = FullDate(lastSeen?.Date),
        };
    }

    public static PersonDescription From(CaseSections sections) => From(sections.Identity, sections.Circumstances);

    /// <summary>Sets the lookup columns of <paramref name="record"/> from its identity; names of merged cases join in through <paramref name="extraKeys"/>.</summary>
    public static void SetLookupColumns(Persistence.Records.Cases.CaseRecord record, PersonIdentity? identity, IEnumerable<string>? extraKeys = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        var person = From(identity, lastSeen: null);
        var keys = CandidateKeyBuilder.For(person).TokenKeys.Concat(extraKeys ?? []).Distinct(StringComparer.Ordinal).ToList();
        record.NameKeys = keys;
        record.NameTerms = NameKeyTerms.Of(keys);
        record.NameSearch = string.Join(' ', keys);
        record.BirthYear = person.DateOfBirth?.Year ?? (person.BirthYearRange is { } range ? (range.From + range.To) / 2 : null);
        record.NameYearTerms = NameKeyTerms.WithBirthYear(record.NameTerms, record.BirthYear);
    }

    private static DateOnly? FullDate(PartialDate? date) =>
        date is { Year: > 0, Month: > 0, Day: > 0 } ? new DateOnly(date.Year, date.Month, date.Day) : null;

    // An explicit range wins; a date of birth known only to the year is a one-year range.
    private static BirthYearRange? BirthYears(PersonIdentity? identity) => identity switch
    {
        null => null,
        { BirthYearFrom: > 0, BirthYearTo: > 0 } => new BirthYearRange(identity.BirthYearFrom, identity.BirthYearTo),
        { BirthYearFrom: > 0 } => new BirthYearRange(identity.BirthYearFrom, identity.BirthYearFrom),
        { BirthYearTo: > 0 } => new BirthYearRange(identity.BirthYearTo, identity.BirthYearTo),
        { DateOfBirth.Year: > 0 } when FullDate(identity.DateOfBirth) is null => new BirthYearRange(identity.DateOfBirth.Year, identity.DateOfBirth.Year),
        _ => null,
    };
}
