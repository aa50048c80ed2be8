using CoordinationHub.Domain.Matching;

namespace CoordinationHub.Domain.Synthetic;

/// <summary>
/// Generates missing-person reports, deterministic by seed, for tests, benchmarks and the demo hub:
/// <see cref="NextPerson"/> invents a person and a first report; <see cref="ReReport"/> files the same
/// person again the way another agency would (other script or spelling habit, shorter name chain, birth
/// date off by a year, swapped, estimated or missing, another rendering of the town).
/// </summary>
/// <remarks>
/// <see cref="Random"/> with a seed yields the same sequence on every run of a given .NET version, which
/// is what "same seed, same data" needs here; nothing about it has to be unpredictable.
/// </remarks>
public sealed class SyntheticPersonGenerator(int seed)
{
    private static readonly DateOnly EarliestBirth = new(1950, 1, 1);
    private static readonly DateOnly EarliestDisappearance = new(2011, 2, 15);
    private static readonly TransliterationHabit[] Habits = Enum.GetValues<TransliterationHabit>();

#pragma warning disable CA5394 // Test data, not secrets: a seeded, reproducible sequence is the point.
    private readonly Random random = new(seed);
    private int count;

    public SyntheticPerson NextPerson()
    {
        // Men are the large majority of the missing in conflict and detention caseloads.
        var sex = random.NextDouble() < 0.75 ? Sex.Male : Sex.Female;
        var chain = new[]
        {
            Pick(sex == Sex.Male ? SyntheticNameCatalogue.MaleGivenNames : SyntheticNameCatalogue.FemaleGivenNames),
            Pick(SyntheticNameCatalogue.MaleGivenNames),
            Pick(SyntheticNameCatalogue.MaleGivenNames),
            Pick(SyntheticNameCatalogue.FamilyNames),
        };
        var place = Pick(SyntheticPlaceCatalogue.Places);
        var birth = EarliestBirth.AddDays(random.Next(55 * 365));
        var lastSeen = EarliestDisappearance.AddDays(random.Next(13 * 365));
        var script = random.NextDouble() < 0.5 ? NameScript.Arabic : NameScript.Latin;
        var habit = Pick(Habits);

        var names = new List<NameVariant> { Render(chain, script, habit) };
        if (random.NextDouble() < 0.3)
        {
            // Bilingual forms: the clerk wrote the name in both scripts.
            names.Add(Render(chain, script == NameScript.Arabic ? NameScript.Latin : NameScript.Arabic, habit));
        }

        var report = new PersonDescription
        {
            Names = names,
            Sex = sex,
            DateOfBirth = random.NextDouble() < 0.75 ? birth : null,
            BirthYearRange = random.NextDouble() < 0.5 ? new BirthYearRange(birth.Year - 2, birth.Year + 2) : null,
            Nationality = place.Country,
            LastSeenPlace = new PlaceDescription(RenderPlace(place, script, habit), random.NextDouble() < 0.3 ? place.Centre : null),
            LastSeenDate = lastSeen,
        };

        return new SyntheticPerson
        {
            Number = ++count,
            Report = report,
            Context = Pick(Enum.GetValues<LastSeenContext>()),
            NameChain = chain,
            Place = place,
            TrueDateOfBirth = birth,
        };
    }

    /// <summary>The same person as another agency would report them.</summary>
    public PersonDescription ReReport(SyntheticPerson person)
    {
        var script = random.NextDouble() < 0.4 ? NameScript.Arabic : NameScript.Latin;
        var habit = Pick(Habits);
        var chain = ShortenChain(person.NameChain);
        var birth = person.TrueDateOfBirth;
        (DateOnly? DateOfBirth, BirthYearRange? Range) birthFields = random.NextDouble() switch
        {
            < 0.35 => (birth, null),
            < 0.55 => (birth.AddYears(random.Next(2) == 0 ? -1 : 1), null),
            < 0.70 when birth.Day <= 12 => (new DateOnly(birth.Year, birth.Day, birth.Month), null),
            < 0.85 => (null, new BirthYearRange(birth.Year - 3, birth.Year + 2)),
            _ => (null, null),
        };

        var lastSeen = person.Report.LastSeenDate;
        return new PersonDescription
        {
            Names = [Render(chain, script, habit)],
            Sex = random.NextDouble() < 0.9 ? person.Report.Sex : null,
            DateOfBirth = birthFields.DateOfBirth,
            BirthYearRange = birthFields.Range,
            Nationality = random.NextDouble() < 0.8 ? person.Place.Country : null,
            LastSeenPlace = new PlaceDescription(
                RenderPlace(person.Place, script, habit),
                random.NextDouble() < 0.3 ? Jitter(person.Place.Centre) : null),
            LastSeenDate = random.NextDouble() < 0.7 && lastSeen is { } date ? date.AddDays(random.Next(-30, 31)) : null,
        };
    }

    // Agencies record two to four names of the chain; the given name is always there.
    private List<SyntheticName> ShortenChain(IReadOnlyList<SyntheticName> chain) => random.NextDouble() switch
    {
        < 0.35 => [.. chain],
        < 0.70 => [chain[0], chain[1], chain[3]],
        < 0.85 => [chain[0], chain[1], chain[2]],
        _ => [chain[0], chain[3]],
    };

    private NameVariant Render(IReadOnlyList<SyntheticName> chain, NameScript script, TransliterationHabit habit)
    {
        if (script == NameScript.Arabic)
        {
            return new NameVariant(string.Join(' ', chain.Select(n => n.Arabic)), NameScript.Arabic);
        }

        var parts = chain.Select(n => n.Render(habit)).ToList();
        if (habit == TransliterationHabit.Scholarly && parts.Count > 1 && random.NextDouble() < 0.3)
        {
            parts.Insert(1, "ibn");
        }

        return new NameVariant(string.Join(' ', parts), NameScript.Latin);
    }

    private static string RenderPlace(SyntheticPlace place, NameScript script, TransliterationHabit habit) =>
        script == NameScript.Arabic ? place.Town.Arabic : place.Town.Render(habit);

    private GeoPoint Jitter(GeoPoint centre) =>
        new(centre.Latitude + ((random.NextDouble() - 0.5) * 0.05), centre.Longitude + ((random.NextDouble() - 0.5) * 0.05));

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
#pragma warning restore CA5394
}
