using System.Text;

namespace CoordinationHub.Domain.Matching;

/// <summary>
/// Normalises a name written in Arabic script so that spellings which differ only by writing habit
/// compare equal: "أحمد" and "احمد", "فاطمة" and "فاطمه", "عبد الله" and "عبدالله".
/// </summary>
public static class ArabicNormalizer
{
    private const string AbdPrefix = "عبد";

    /// <summary>Normalised words joined by single spaces; "عبد" joined to the word it governs.</summary>
    public static string Normalize(string text)
    {
        var letters = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var mapped = MapCharacter(c);
            if (mapped != '\0')
            {
                letters.Append(mapped);
            }
        }

        var words = letters.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', JoinAbdCompounds(words));
    }

    /// <summary>
    /// The word without its definite article: "التكريتي" to "تكريتي". Names that merely begin with the
    /// letters alef-lam once their hamza is gone (الياس Ilyas, الهام Ilham) keep them.
    /// </summary>
    public static string StripArticle(string normalizedWord) =>
        normalizedWord.Length > 3 && normalizedWord.StartsWith("ال", StringComparison.Ordinal)
            && !ArticleLookalikes.Contains(normalizedWord)
            ? normalizedWord[2..]
            : normalizedWord;

    /// <summary>True for letters of the Arabic blocks, including Persian and Urdu additions.</summary>
    public static bool IsArabicLetter(char c) =>
        c is (>= '\u0620' and <= '\u064A') or (>= '\u066E' and <= '\u06D3') or (>= '\u0750' and <= '\u077F')
            or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF');

    private static readonly HashSet<string> ArticleLookalikes = ["الياس", "الهام", "الفت", "الطاف", "الماس"];

    // Returns '\0' to drop the character.
    private static char MapCharacter(char c) => c switch
    {
        // Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks, tatweel: writing aids, not letters.
        (>= '\u064B' and <= '\u065F') or '\u0670' or (>= '\u0610' and <= '\u061A') or (>= '\u06D6' and <= '\u06ED') or '\u0640' => '\0',
        // Bidi and joiner controls pasted from word processors.
        '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u061C' or '\u202A' or '\u202B' or '\u202C' => '\0',
        // Hamza carriers: clerks write them or not, so only the carrier letter counts.
        'أ' or 'إ' or 'آ' or 'ٱ' or 'ٲ' or 'ٳ' => 'ا',
        'ؤ' => 'و',
        'ئ' => 'ي',
        // A standalone hamza (علاء, ضياء) is as often omitted as written.
        'ء' => '\0',
        // Ta marbuta is written as ha in everyday spelling (فاطمه), alef maqsura as ya (مصطفي).
        'ة' => 'ه',
        'ى' => 'ي',
        // Persian and Urdu code points from keyboards set to those languages, and Iraqi letters for
        // dialect sounds (گ g, چ ch) whose standard spelling is kaf.
        'ی' or 'ې' or 'ۍ' => 'ي',
        'ک' or 'گ' or 'چ' => 'ك',
        'ە' or 'ہ' or 'ھ' => 'ه',
        'پ' => 'ب',
        'ڤ' => 'ف',
        // Arabic-Indic and Persian digits.
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
        _ when IsArabicLetter(c) || char.IsAsciiLetterOrDigit(c) => c,
        // Spaces, the Arabic comma, hyphens, dots: word breaks.
        _ => ' ',
    };

    // "عبد الرحمن" and "عبدالرحمن" are one name: the servant-of compound is written with or without a space.
    private static List<string> JoinAbdCompounds(string[] words)
    {
        var joined = new List<string>(words.Length);
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i] == AbdPrefix && i + 1 < words.Length)
            {
                joined.Add(AbdPrefix + words[i + 1]);
                i++;
            }
            else
            {
                joined.Add(words[i]);
            }
        }

        return joined;
    }
}
