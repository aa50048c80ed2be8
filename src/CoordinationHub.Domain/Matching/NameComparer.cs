namespace CoordinationHub.Domain.Matching;

/// <summary>
/// Compares two persons' full names, each given as one or more variants in either script. Tokens are
/// aligned regardless of order, so "Mohamed Ali Hassan" against "Mohamed Hassan" (a nasab chain with the
/// father's name left out) still matches, while a different given name weighs heavily: brothers share
/// everything but it.
/// </summary>
public static class NameComparer
{
    private const double PenaltyPerExtraName = 0.03;
    private const double GivenNamesNotAlignedFactor = 0.65;
    private const double DifferentOrderFactor = 0.85;
    private const double SingleNameCeiling = 0.6;

    /// <summary>The best comparison over every pair of variants.</summary>
    public static NameComparison Compare(IReadOnlyList<NameVariant> a, IReadOnlyList<NameVariant> b)
    {
        var best = NameComparison.None;
        var bTokens = b.Select(NameTokenizer.Tokenize).ToList();
        foreach (var variantA in a)
        {
            var aTokens = NameTokenizer.Tokenize(variantA);
            foreach (var tokens in bTokens)
            {
                var comparison = Compare(aTokens, tokens);
                if (comparison.Score > best.Score)
                {
                    best = comparison;
                }
            }
        }

        return best;
    }

    /// <summary>Compares two tokenised names; symmetric in its arguments.</summary>
    public static NameComparison Compare(IReadOnlyList<NameToken> a, IReadOnlyList<NameToken> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return NameComparison.None;
        }

        // The greedy alignment could break a tie differently in each direction; taking the better of the
        // two keeps the score symmetric.
        var forward = CompareOneWay(a, b);
        var backward = CompareOneWay(b, a);
        return backward.Score > forward.Score ? backward : forward;
    }

    private static NameComparison CompareOneWay(IReadOnlyList<NameToken> a, IReadOnlyList<NameToken> b)
    {
        var alignment = TokenAlignment.Align(a, b);
        var shorter = Math.Min(a.Count, b.Count);
        var reasons = new List<string>();

        var score = alignment.Sum(p => p.Match.Score) / shorter;
        score -= PenaltyPerExtraName * Math.Abs(a.Count - b.Count);

        foreach (var pair in alignment)
        {
            reasons.Add($"{Role(pair.IndexA, pair.IndexB, a.Count, b.Count)}: {a[pair.IndexA].Original} ~ {b[pair.IndexB].Original} ({Describe(pair.Match.Kind)})");
        }

        if (!alignment.Any(p => p.IndexA == 0 && p.IndexB == 0))
        {
            // Either the given names differ (brothers), or one name's given name is the other's father's
            // name: "Omar Salah Jubouri" against "Salah Jubouri" is as likely the father as a shortened form.
            score *= GivenNamesNotAlignedFactor;
            reasons.Add(alignment.Any(p => p.IndexA == 0 || p.IndexB == 0)
                ? "given names do not line up (names in another order, or a father's name in place of the given name)"
                : $"given name differs: {a[0].Original} / {b[0].Original}");
        }
        else if (HasCrossing(alignment))
        {
            score *= DifferentOrderFactor;
            reasons.Add("father's and grandfather's names in a different order");
        }

        if (a.Count >= 2 && b.Count >= 2 && !alignment.Any(p => p.IndexA == a.Count - 1) && !alignment.Any(p => p.IndexB == b.Count - 1))
        {
            reasons.Add($"family name differs: {a[^1].Original} / {b[^1].Original}");
        }

        if (shorter == 1)
        {
            score = Math.Min(score, SingleNameCeiling);
            reasons.Add("only one name to compare");
        }

        return new NameComparison(Math.Clamp(score, 0, 1), reasons);
    }

    // Matched pairs whose order disagrees.
    private static bool HasCrossing(IReadOnlyList<AlignedPair> alignment) =>
        alignment.Any(p => alignment.Any(q => p.IndexA < q.IndexA && p.IndexB > q.IndexB));

    private static string Role(int indexA, int indexB, int countA, int countB) =>
        indexA == 0 && indexB == 0 ? "given name"
        : indexA == countA - 1 && indexB == countB - 1 && countA > 1 && countB > 1 ? "family name"
        : "name";

    private static string Describe(TokenMatchKind kind) => kind switch
    {
        TokenMatchKind.SameSpelling => "same spelling",
        TokenMatchKind.KnownVariant => "known variant",
        TokenMatchKind.Transliteration => "transliteration",
        TokenMatchKind.SamePhoneticKey => "same phonetic key",
        TokenMatchKind.CloseSpelling => "close spelling",
        _ => "different",
    };
}
