using System.Text.RegularExpressions;

namespace CoordinationHub.Domain.Matching;

/// <summary>
/// Splits a Latin-script name into <see cref="NameWord"/>s: drops nasab particles (bin, ibn, ould) and
/// articles (al-, el-, ul-, and the assimilated ar-, as-, ad- ...), recognises Abd/Abu/al-Din compounds
/// however they are spaced or glued (Abdel Kader, Abdelkader, Abd al-Qadir, Abderrahmane, Noureddine).
/// </summary>
internal static partial class LatinWordAnalyzer
{
    // Every list holds folded spellings ("ould" arrives as "uld", see LatinNormalizer.Fold).
    private static readonly HashSet<string> Particles = ["bin", "ibn", "ben", "bint", "binti", "uld", "wuld", "walad", "bn"];
    private static readonly HashSet<string> Articles = ["al", "el", "ul", "il", "ol", "l"];
    private static readonly HashSet<string> SunLetterStarts = ["t", "th", "d", "dh", "r", "z", "s", "sh", "ch", "n"];
    private static readonly HashSet<string> AbdForms =
        ["abd", "abdel", "abdul", "abdal", "abdil", "abdol", "abdur", "abder", "abdar", "abdus", "abdes", "abdas", "abdun"];
    private static readonly HashSet<string> AbuForms = ["abu", "abo"];
    private static readonly HashSet<string> DinForms =
        ["din", "dine", "deen", "ddin", "ddine", "eddin", "eddine", "uddin", "uddine", "addin", "aldin", "eldin", "eldine", "iddin"];
    private static readonly HashSet<string> DivineNameForms = ["la", "lah", "lla", "llah"];

    // Names that start with al/el and are not the article followed by a name.
    private static readonly HashSet<string> ArticleLookalikes = ["aliyah", "alyaa", "almaz", "elyasa", "alhan"];

    public static List<NameWord> Analyze(string text)
    {
        var words = new List<(string Original, string Folded)>();
        foreach (var chunk in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            words.AddRange(LatinNormalizer.Fold(chunk).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => (chunk, w)));
        }

        var result = new List<NameWord>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var (original, word) = words[i];
            var next = i + 1 < words.Count ? words[i + 1].Folded : null;
            if (next is not null && (Particles.Contains(word) && result.Count > 0 || IsArticle(word, next)))
            {
                continue;
            }

            if (next is not null && AbdForms.Contains(word))
            {
                result.Add(Word(original, "abd", WordRole.AbdPrefix));
            }
            else if (next is not null && AbuForms.Contains(word))
            {
                result.Add(Word(original, "abu", WordRole.AbuPrefix));
            }
            else if (result.Count > 0 && DinForms.Contains(word))
            {
                result.Add(Word(original, "din", WordRole.DinSuffix));
            }
            else if (TrySplitGluedAbd(word) is { } rest)
            {
                result.Add(Word(original, "abd", WordRole.AbdPrefix));
                result.Add(Word(original, rest, WordRole.Name));
            }
            else if (GluedDin().Match(word) is { Success: true } din)
            {
                result.Add(Word(original, StripGluedArticle(din.Groups["stem"].Value), WordRole.Name));
                result.Add(Word(original, "din", WordRole.DinSuffix));
            }
            else
            {
                result.Add(Word(original, StripGluedArticle(word), WordRole.Name));
            }
        }

        return result;
    }

    private static NameWord Word(string original, string folded, WordRole role)
    {
        var spelling = LatinNormalizer.CollapseDoubledLetters(folded);
        return new NameWord(original, spelling, spelling, role);
    }

    // "al", "el" alone; "ar", "as", "ash" ... only before a word starting with that consonant (ar-Rahman).
    private static bool IsArticle(string word, string next) =>
        Articles.Contains(word)
        || (word.Length is 2 or 3 && word[0] is 'a' or 'e' or 'u' && SunLetterStarts.Contains(word[1..])
            && next.StartsWith(word[1..], StringComparison.Ordinal));

    // "abdelkader" -> "kader", "abderrahmane" -> "rahmane", "abdullah" -> "lah"; null when not a compound.
    private static string? TrySplitGluedAbd(string word)
    {
        if (!word.StartsWith("abd", StringComparison.Ordinal) || word.Length < 6)
        {
            return null;
        }

        var i = 3;
        while (i < word.Length && word[i] is 'a' or 'e' or 'i' or 'o' or 'u')
        {
            i++;
        }

        if (i + 1 < word.Length && (word[i] == 'l' || word[i] == word[i + 1]))
        {
            // The article, written "l" or assimilated into a doubled sun letter ("rr" in Abderrahmane).
            i++;
        }

        var rest = word[i..];
        return rest.Length < 2 ? null : DivineNameForms.Contains(rest) ? "lah" : rest;
    }

    private static string StripGluedArticle(string word) =>
        word.Length >= 6 && (word.StartsWith("al", StringComparison.Ordinal) || word.StartsWith("el", StringComparison.Ordinal))
            && !ArticleLookalikes.Contains(word)
            ? word[2..]
            : word;

    [GeneratedRegex("^(?<stem>[a-z]{3,}?)[aeiou]?[ld]?d(?:i|ee|y)ne?$", RegexOptions.CultureInvariant)]
    private static partial Regex GluedDin();
}
