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

        if (a.Key == b.Key)
        {
            // A short skeleton (Ali: "AL") is shared by many names, so agreeing on it proves less.
            var score = a.Key.Length switch { >= 3 => 0.95, 2 => 0.9, _ => 0.75 };
            return new TokenMatch(score, crossScript ? TokenMatchKind.Transliteration : TokenMatchKind.SamePhoneticKey);
        }

        var similarity = KeySimilarity.Of(WithoutAbd(a.Key), WithoutAbd(b.Key)) * 0.9;
        return similarity >= SameNameFloor
            ? new TokenMatch(similarity, crossScript ? TokenMatchKind.Transliteration : TokenMatchKind.CloseSpelling)
            : new TokenMatch(0, TokenMatchKind.Different);
    }

    // "Abd al-X" compounds share their first three letters; whether they are one name depends on X alone
    // (Abd al-Rahman and Abd al-Rahim are two names).
    private static string WithoutAbd(string key) =>
        key.Length > 3 && key.StartsWith("ABD", StringComparison.Ordinal) ? key[3..] : key;
}
