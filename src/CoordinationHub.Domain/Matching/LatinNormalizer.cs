using System.Text;

namespace CoordinationHub.Domain.Matching;

/// <summary>
/// Normalises a name written in Latin script: case-folded, accents folded to ASCII, ayn/hamza marks and
/// apostrophes removed ("Sa'id", "ʿUmar"), hyphens and punctuation turned into word breaks ("al-Hassan"),
/// long-vowel digraphs folded (ee to i, oo and ou to u).
/// </summary>
public static class LatinNormalizer
{
    /// <summary>
    /// Folded words joined by single spaces, with doubled letters collapsed ("Mohammed" and "Mohamed"
    /// both give "mohamed"): the form for display-independent comparison and trigram search.
    /// </summary>
    public static string Normalize(string text)
    {
        var words = Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select(CollapseDoubledLetters));
    }

    /// <summary>
    /// Folded words joined by single spaces, doubled letters kept: "Abderrahmane" still shows the
    /// assimilated article (rr) that compound parsing needs.
    /// </summary>
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var original in text)
        {
            var c = char.ToLowerInvariant(original);
            if (c is >= 'a' and <= 'z')
            {
                folded.Append(c);
            }
            else if (LatinDiacritics.Fold(c) is { } ascii)
            {
                folded.Append(ascii);
            }
            else if (IsSilentMark(c) || LatinDiacritics.IsCombiningMark(c))
            {
                // Ayn and hamza marks carry no letter a reporting clerk would type; dropping them makes
                // "Sa'id", "Saʿid" and "Said" one spelling.
            }
            else
            {
                // Everything else (spaces, hyphens, dots, digits, stray symbols) separates words.
                folded.Append(' ');
            }
        }

        // English and French spell long vowels with digraphs (Kareem, Noor, Youssef); Arabic script and
        // other habits (Karim, Nur, Yusef) do not.
        folded.Replace("ee", "i").Replace("oo", "u").Replace("ou", "u");
        return string.Join(' ', folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>"mohammed" to "mohamed", "youssef" to "yousef": doubling is a habit, not a different name.</summary>
    public static string CollapseDoubledLetters(string word)
    {
        var collapsed = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (collapsed.Length == 0 || collapsed[^1] != c)
            {
                collapsed.Append(c);
            }
        }

        return collapsed.ToString();
    }

    private static bool IsSilentMark(char c) =>
        c is '\'' or '\u2019' or '\u2018' or '`' or '\u00B4' or '\u02BF' or '\u02BE' or '\u02BC' or '\u02BB' or '\u02B9' or '\u2032';
}
