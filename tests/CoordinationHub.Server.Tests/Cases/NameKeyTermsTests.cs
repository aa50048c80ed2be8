using CoordinationHub.Domain.Matching;
using CoordinationHub.Domain.Synthetic;
using CoordinationHub.Server.Services.Cases;

namespace CoordinationHub.Server.Tests.Cases;

/// <summary>
/// The pair terms find exactly the cases the candidate rule names: all of the query's names but one
/// (two at least), each by its key or a near variant. Checked against the rule stated directly.
/// </summary>
public sealed class NameKeyTermsTests
{
    [Fact]
    public void Terms_AreTheKeysThenEveryPairInOrdinalOrder()
    {
        Assert.Equal(["SD", "ABRHM", "RCD", "ABRHM+SD", "RCD+SD", "ABRHM+RCD"], NameKeyTerms.Of(["SD", "ABRHM", "RCD", "SD"]));
    }

    [Fact]
    public void WithBirthYear_TagsEveryTermWithTheYearOrAQuestionMark()
    {
        Assert.Equal(["SD@1984", "ABRHM+SD@1984"], NameKeyTerms.WithBirthYear(["SD", "ABRHM+SD"], 1984));
        Assert.Equal(["SD@?", "ABRHM+SD@?"], NameKeyTerms.WithBirthYear(["SD", "ABRHM+SD"], null));
        Assert.Equal("ABRHM+SD@1984", NameKeyTerms.InYear("ABRHM+SD", 1984));
    }

    [Fact]
    public void Alternatives_FindTheSameCasesAsTheRuleOnGeneratedReReportsAndStrangers()
    {
        var generator = new SyntheticPersonGenerator(31);
        var persons = Enumerable.Range(0, 400).Select(_ => generator.NextPerson()).ToList();
        var agreed = 0;
        var matched = 0;
        for (var i = 0; i < persons.Count; i++)
        {
            var query = CandidateKeyBuilder.For(generator.ReReport(persons[i])).TokenKeys;
            foreach (var other in new[] { persons[i], persons[(i + 1) % persons.Count], persons[(i + 7) % persons.Count] })
            {
                var caseKeys = CandidateKeyBuilder.For(other.Report).TokenKeys;
                var byRule = MatchesByRule(query, caseKeys);
                Assert.Equal(byRule, MatchesByTerms(query, NameKeyTerms.Of(caseKeys)));
                agreed++;
                matched += byRule ? 1 : 0;
            }
        }

        // Both outcomes were exercised, not only one.
        Assert.InRange(matched, 100, agreed - 100);
    }

    [Theory]
    [InlineData(new[] { "SD", "ZD", "ALY" }, new[] { "SD", "ALY" }, true)] // two query names that are variants of each other, met by one key
    [InlineData(new[] { "MHMD", "ALY", "HSN" }, new[] { "MHMD", "HSN", "KRM" }, true)] // all but one
    [InlineData(new[] { "MHMD", "ALY", "HSN" }, new[] { "MHMD", "KRM", "SLM" }, false)] // only one of three
    [InlineData(new[] { "MHMD" }, new[] { "AMHMD", "KRM" }, true)] // one name, by a variant
    [InlineData(new[] { "MHMD", "ALY" }, new[] { "MHMD", "KRM" }, false)] // two names: both needed
    public void Alternatives_AgreeWithTheRuleOnHandPickedKeys(string[] query, string[] caseKeys, bool expected)
    {
        Assert.Equal(expected, MatchesByRule(query, caseKeys));
        Assert.Equal(expected, MatchesByTerms(query, NameKeyTerms.Of(caseKeys)));
    }

    // The rule as ADR 0008 states it, name by name.
    private static bool MatchesByRule(IReadOnlyList<string> query, IReadOnlyList<string> caseKeys)
    {
        var used = query.Distinct(StringComparer.Ordinal).Take(DuplicateCandidateQuery.MaxKeys).ToList();
        var shared = used.Count(k => KeyVariants.Of(k).Any(caseKeys.Contains));
        var required = used.Count <= 2 ? used.Count : Math.Max(2, used.Count - 1);
        return used.Count > 0 && shared >= required;
    }

    // What the index lookups of DuplicateCandidateQuery find: one alternative whose every group meets the case's terms.
    private static bool MatchesByTerms(IReadOnlyList<string> query, IReadOnlyList<string> terms)
    {
        var used = query.Distinct(StringComparer.Ordinal).Take(DuplicateCandidateQuery.MaxKeys).ToList();
        var variants = used.Select(KeyVariants.Of).ToList();
        return DuplicateCandidateQuery.Alternatives(used.Count)
            .Any(alternative => alternative.All(group => DuplicateCandidateQuery.GroupTerms(variants, group).Any(terms.Contains)));
    }
}
