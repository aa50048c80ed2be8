namespace CoordinationHub.Domain.Matching;

/// <summary>
/// Similarity of two phonetic keys by a weighted edit distance: swapping letters that transliteration
/// habits confuse (Egyptian g for jim, Gulf g for qaf, d/z for dhal, t/d for Turkish final devoicing)
/// costs little; a dropped leading vowel (Brahim/Ibrahim) or h costs half; any other edit costs one.
/// </summary>
internal static class KeySimilarity
{
    private const double ConfusableCost = 0.3;
    private const double WeakLetterCost = 0.5;

    internal static readonly HashSet<(char, char)> Confusables =
    [
        ('G', 'J'), ('G', 'K'), ('D', 'Z'), ('S', 'Z'), ('S', 'T'), ('C', 'S'), ('D', 'T'), ('H', 'X'), ('F', 'B'),
    ];

    /// <summary>1 for equal keys, 0 when nothing lines up.</summary>
    public static double Of(string a, string b)
    {
        var longest = Math.Max(a.Length, b.Length);
        return longest == 0 ? 1 : Math.Max(0, 1 - (Distance(a, b) / longest));
    }

    private static double Distance(string a, string b)
    {
        var previous = new double[b.Length + 1];
        var current = new double[b.Length + 1];
        for (var j = 1; j <= b.Length; j++)
        {
            previous[j] = previous[j - 1] + IndelCost(b[j - 1]);
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = previous[0] + IndelCost(a[i - 1]);
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(
                    previous[j - 1] + SubstitutionCost(a[i - 1], b[j - 1]),
                    Math.Min(previous[j] + IndelCost(a[i - 1]), current[j - 1] + IndelCost(b[j - 1])));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static double IndelCost(char c) => c is 'A' or 'H' ? WeakLetterCost : 1;

    private static double SubstitutionCost(char a, char b) =>
        a == b ? 0 : Confusables.Contains((a, b)) || Confusables.Contains((b, a)) ? ConfusableCost : 1;
}
