using System.Collections.Frozen;

namespace CoordinationHub.Domain.Matching;

/// <summary>
/// Folds accented Latin letters to ASCII. A table rather than Unicode NFD: the hub runs with
/// InvariantGlobalization, where <see cref="string.Normalize()"/> leaves precomposed letters untouched.
/// Covers Latin-1, Latin Extended-A (Turkish, Maghrebi French spellings) and the dotted letters of
/// scholarly Arabic transliteration (ḥ ṣ ḍ ṭ ẓ ḫ ṯ ḏ ġ).
/// </summary>
internal static class LatinDiacritics
{
    private static readonly FrozenDictionary<char, string> Folds = Build(
        ("a", "àáâãäåāăąạảấầắằ"),
        ("ae", "æ"),
        ("c", "ćĉċč"),
        // Cedilla c is s in the French spellings of Maghrebi names (Fayçal).
        ("s", "ç"),
        ("d", "ďđḍḏḑ"),
        ("e", "èéêëēĕėęěẹẻẽếề"),
        ("g", "ĝğġģǧ"),
        ("h", "ĥħḥḫẖḩ"),
        ("i", "ìíîïĩīĭįıịỉ"),
        ("j", "ĵǰ"),
        ("k", "ķḳ"),
        ("l", "ĺļľŀł"),
        ("m", "ṁṃ"),
        ("n", "ñńņňṇ"),
        ("o", "òóôõöøōŏőọỏốồ"),
        ("oe", "œ"),
        ("r", "ŕŗřṛ"),
        ("s", "śŝşšșṣ"),
        ("ss", "ß"),
        ("t", "ţťŧțṭṯ"),
        ("u", "ùúûüũūŭůűųụủ"),
        ("y", "ýÿŷỳ"),
        ("z", "źżžẓẕ"));

    /// <summary>The ASCII fold of a lower-case letter, or null when it has none.</summary>
    public static string? Fold(char lowerCaseLetter) =>
        Folds.TryGetValue(lowerCaseLetter, out var folded) ? folded : null;

    /// <summary>Combining marks (U+0300-U+036F) that survive when input arrives already decomposed.</summary>
    public static bool IsCombiningMark(char c) => c is >= '\u0300' and <= '\u036F';

    private static FrozenDictionary<char, string> Build(params (string Ascii, string Accented)[] rows)
    {
        var map = new Dictionary<char, string>();
        foreach (var (ascii, accented) in rows)
        {
            foreach (var c in accented)
            {
                map[c] = ascii;
            }
        }

        return map.ToFrozenDictionary();
    }
}
