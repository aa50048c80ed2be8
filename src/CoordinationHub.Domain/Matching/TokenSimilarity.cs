namespace CoordinationHub.Domain.Matching;

/// <summary>Compares two name tokens: known-name table first, then phonetic keys.</summary>
public static class TokenSimilarity
{
    /// <summary>Below this, two tokens are different names rather than two spellings of one.</summary>
    public const double SameNameFloor = 0.7;

    public static TokenMatch Compare(NameToken a, NameToken b)
    {
        var crossScript = a.Script != b.Script;
        if (a.Spelling == b.Spelling && !crossScript)
        {
            return new TokenMatch(1, TokenMatchKind.SameSpelling);
        }

        if (a.KnownName is not null && b.KnownName is not null)
        {
            // The table exists to tell apart names whose keys coincide (Hassan, Hussein): trust it both ways.
            return a.KnownName == b.KnownName
                ? new TokenMatch(1, crossScript ? TokenMatchKind.Transliteration : TokenMatchKind.KnownVariant)
                : new TokenMatch(0, TokenMatchKind.Different);
        }

        if (a.Script == NameScript.Arabic && b.Script == NameScript.Arabic)
        {
            // Arabic script writes the long vowels that the phonetic key drops, so two Arabic spellings are
            // compared letter by letter: أمينة (Amina) and إيمان (Iman) share the key "AMN" but not their letters.
            var letters = 0.9 * (1 - ((double)Levenshtein(a.Spelling, b.Spelling) / Math.Max(a.Spelling.Length, b.Spelling.Length)));
            return letters >= SameNameFloor
                ? new TokenMatch(letters, TokenMatchKind.CloseSpelling)
                : new TokenMatch(0, TokenMatchKind.Different);
        }

        if (a.Key == b.Key)
        {
            // A short skeleton (Ali: "AL") is shared by many names, so agreeing on it proves less.
            var score = a.Key.Length switch { >= 3 => 0.95, 2 => 0.9, _ => 0.75 };
            return new TokenMatch(score, crossScript ? TokenMatchKind.Transliteration : TokenMatchKind.SamePhoneticKey);
        }

        var (keyA, keyB) = IsAbdCompound(a.Key) && IsAbdCompound(b.Key) ? (a.Key[3..], b.Key[3..]) : (a.Key, b.Key);
        var similarity = KeySimilarity.Of(keyA, keyB) * 0.9;
        return similarity >= SameNameFloor
            ? new TokenMatch(similarity, crossScript ? TokenMatchKind.Transliteration : TokenMatchKind.CloseSpelling)
            : new TokenMatch(0, TokenMatchKind.Different);
    }

    // "Abd al-X" compounds share their first three letters; whether two of them are one name depends on X
    // alone (Abd al-Rahman and Abd al-Rahim are two names).
    private static bool IsAbdCompound(string key) => key.Length > 3 && key.StartsWith("ABD", StringComparison.Ordinal);

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
