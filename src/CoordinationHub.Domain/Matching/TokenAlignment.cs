namespace CoordinationHub.Domain.Matching;

/// <summary>
/// Pairs the tokens of two names, each token used at most once, best matches first. Greedy is enough:
/// names have a handful of tokens, and a token rarely matches two tokens of the other name well.
/// </summary>
internal static class TokenAlignment
{
    public static List<AlignedPair> Align(IReadOnlyList<NameToken> a, IReadOnlyList<NameToken> b)
    {
        var candidates = new List<AlignedPair>(a.Count * b.Count);
        for (var i = 0; i < a.Count; i++)
        {
            for (var j = 0; j < b.Count; j++)
            {
                var match = TokenSimilarity.Compare(a[i], b[j]);
                if (match.Score >= TokenSimilarity.SameNameFloor)
                {
                    candidates.Add(new AlignedPair(i, j, match));
                }
            }
        }

        // Among equal scores prefer the pair in the same position: "Mohamed Mohamed Ali" aligns in order.
        candidates.Sort((x, y) => y.Match.Score.CompareTo(x.Match.Score) is var byScore and not 0
            ? byScore
            : Math.Abs(x.IndexA - x.IndexB).CompareTo(Math.Abs(y.IndexA - y.IndexB)) is var byDistance and not 0
                ? byDistance
                : (x.IndexA + x.IndexB).CompareTo(y.IndexA + y.IndexB));

        var usedA = new bool[a.Count];
        var usedB = new bool[b.Count];
        var alignment = new List<AlignedPair>();
        foreach (var candidate in candidates)
        {
            if (!usedA[candidate.IndexA] && !usedB[candidate.IndexB])
            {
                usedA[candidate.IndexA] = usedB[candidate.IndexB] = true;
                alignment.Add(candidate);
            }
        }

        alignment.Sort((x, y) => x.IndexA.CompareTo(y.IndexA));
        return alignment;
    }
}
