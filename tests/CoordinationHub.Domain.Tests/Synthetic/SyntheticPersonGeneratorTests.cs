using System.Globalization;
using CoordinationHub.Domain.Matching;
using CoordinationHub.Domain.Synthetic;
using Xunit.Abstractions;

namespace CoordinationHub.Domain.Tests.Synthetic;

public sealed class SyntheticPersonGeneratorTests(ITestOutputHelper output)
{
    private const int Pairs = 1000;

    [Fact]
    public void NextPerson_SameSeed_GivesSameReports()
    {
        Assert.Equal(Generate(seed: 2024), Generate(seed: 2024));
    }

    [Fact]
    public void NextPerson_DifferentSeeds_GiveDifferentReports()
    {
        Assert.NotEqual(Generate(seed: 1), Generate(seed: 2));
    }

    [Fact]
    public void NextPerson_GeneratesBothScriptsAndAllContexts()
    {
        var generator = new SyntheticPersonGenerator(7);
        var people = Enumerable.Range(0, 500).Select(_ => generator.NextPerson()).ToList();

        Assert.Contains(people, p => p.Report.Names.Any(n => n.Script == NameScript.Arabic));
        Assert.Contains(people, p => p.Report.Names.Any(n => n.Script == NameScript.Latin));
        Assert.Equal(Enum.GetValues<LastSeenContext>().Length, people.Select(p => p.Context).Distinct().Count());
        Assert.Equal(["IRQ", "LBY", "SYR"], people.Select(p => p.Place.Country).Distinct().Order());
    }

    [Fact]
    public void ReReport_SamePerson_IsFlaggedInAtLeast95PercentOfPairs()
    {
        var generator = new SyntheticPersonGenerator(42);
        var flagged = 0;
        var scores = new List<double>(Pairs);
        for (var i = 0; i < Pairs; i++)
        {
            var person = generator.NextPerson();
            var assessment = DuplicateAssessor.Assess(person.Report, generator.ReReport(person));
            scores.Add(assessment.Score);
            flagged += assessment.IsLikelyDuplicate ? 1 : 0;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"re-reports flagged: {flagged}/{Pairs}; {Percentiles(scores)}"));
        Assert.True(flagged >= Pairs * 0.95, $"{flagged}/{Pairs} flagged");
    }

    [Fact]
    public void Assess_DistinctPersons_IsNotFlaggedInAtLeast99PercentOfPairs()
    {
        var generator = new SyntheticPersonGenerator(43);
        var people = Enumerable.Range(0, Pairs).Select(_ => generator.NextPerson()).ToList();
        var flagged = 0;
        var scores = new List<double>(Pairs);
        for (var i = 0; i < Pairs; i++)
        {
            // Person i against person i + 1: unrelated draws from the same catalogue.
            var assessment = DuplicateAssessor.Assess(people[i].Report, people[(i + 1) % Pairs].Report);
            scores.Add(assessment.Score);
            flagged += assessment.IsLikelyDuplicate ? 1 : 0;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"distinct persons flagged: {flagged}/{Pairs}; {Percentiles(scores)}"));
        Assert.True(flagged <= Pairs * 0.01, $"{flagged}/{Pairs} flagged");
    }

    [Fact]
    public void Assess_SiblingReportedByAnotherAgency_IsNotFlaggedInAtLeast99PercentOfPairs()
    {
        // The hard negatives: same father, grandfather, family name and town, another given name, born
        // one to ten years apart, and the sibling's report written under another agency's habits.
        var generator = new SyntheticPersonGenerator(45);
        var random = new Random(3);
        var flagged = 0;
        var scores = new List<double>(Pairs);
        for (var i = 0; i < Pairs; i++)
        {
            var person = generator.NextPerson();
            var sibling = person with
            {
                NameChain = [OtherGivenName(person, random), .. person.NameChain.Skip(1)],
                TrueDateOfBirth = person.TrueDateOfBirth.AddDays(random.Next(300, 3650)),
            };
            var siblingReport = generator.ReReport(sibling);
            var assessment = DuplicateAssessor.Assess(person.Report, siblingReport);
            scores.Add(assessment.Score);
            if (assessment.IsLikelyDuplicate)
            {
                flagged++;
                output.WriteLine($"flagged {Describe(person.Report)} ~ {Describe(siblingReport)}: {string.Join("; ", assessment.Reasons)}");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"siblings flagged: {flagged}/{Pairs}; {Percentiles(scores)}"));
        Assert.True(flagged <= Pairs * 0.01, $"{flagged}/{Pairs} flagged");
    }

    [Fact]
    public void Assess_GeneratedPairs_IsSymmetric()
    {
        var generator = new SyntheticPersonGenerator(44);
        for (var i = 0; i < 200; i++)
        {
            var person = generator.NextPerson();
            var other = i % 2 == 0 ? generator.ReReport(person) : generator.NextPerson().Report;

            Assert.Equal(DuplicateAssessor.Assess(person.Report, other).Score, DuplicateAssessor.Assess(other, person.Report).Score);
        }
    }

    private static SyntheticName OtherGivenName(SyntheticPerson person, Random random)
    {
        var names = person.Report.Sex == Sex.Male ? SyntheticNameCatalogue.MaleGivenNames : SyntheticNameCatalogue.FemaleGivenNames;
        var others = names.Where(n => n != person.NameChain[0]).ToList();
        return others[random.Next(others.Count)];
    }

    private static List<string> Generate(int seed)
    {
        var generator = new SyntheticPersonGenerator(seed);
        var lines = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            var person = generator.NextPerson();
            lines.Add(Describe(person.Report));
            lines.Add(Describe(generator.ReReport(person)));
        }

        return lines;
    }

    private static string Describe(PersonDescription p) => string.Join(
        " | ",
        string.Join(" / ", p.Names.Select(n => n.Text)),
        p.Sex,
        p.DateOfBirth,
        p.BirthYearRange,
        p.Nationality,
        p.LastSeenPlace?.Name,
        p.LastSeenPlace?.Coordinates,
        p.LastSeenDate);

    private static string Percentiles(List<double> scores)
    {
        scores.Sort();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"score min {scores[0]:0.00}, p1 {scores[Pairs / 100]:0.00}, p5 {scores[Pairs / 20]:0.00}, median {scores[Pairs / 2]:0.00}, p99 {scores[Pairs * 99 / 100]:0.00}, max {scores[^1]:0.00}");
    }
}
