using System.Text;

namespace CoordinationHub.Domain.Matching;

/// <summary>
/// Romanises Arabic-script names into the plain ASCII spelling a clerk would most likely type
/// ("محمد" to "mhmd", "يوسف" to "yusf", "عمر" to "amr"), so that <see cref="PhoneticKey"/> puts both
/// scripts in one key space.
/// </summary>
/// <remarks>
/// Arabic script writes only long vowels; the romanisation therefore carries consonants and long vowels,
/// which is exactly what the phonetic key keeps of a Latin spelling. Letters that Latin spellings render
/// in several ways map to the digraph the key folds them from (ث th, ذ dh, خ kh, غ gh, ش sh).
/// </remarks>
public static class ArabicTransliterator
{
    /// <summary>Romanisation of a whole name, word by word, after <see cref="ArabicNormalizer"/>.</summary>
    public static string Transliterate(string text) =>
        string.Join(' ', ArabicNormalizer.Normalize(text).Split(' ').Select(TransliterateWord));

    /// <summary>Romanisation of one already normalised word.</summary>
    public static string TransliterateWord(string normalizedWord)
    {
        var latin = new StringBuilder(normalizedWord.Length * 2);
        for (var i = 0; i < normalizedWord.Length; i++)
        {
            var c = normalizedWord[i];
            if (c == 'ه' && i == normalizedWord.Length - 1 && i >= 2)
            {
                // Word-final ha is ta marbuta as often as not (فاطمه), and Latin spellings drop or keep it at
                // random; short words (طه Taha) keep it.
                break;
            }

            var letter = Letter(c, isInitial: i == 0);
            if (latin.Length > 0 && FormsFalseDigraph(latin[^1], letter))
            {
                // "زهراء" is z-h, not zh: the apostrophe keeps the phonetic key from reading a digraph.
                latin.Append('\'');
            }

            latin.Append(letter);
        }

        return latin.ToString();
    }

    private static bool FormsFalseDigraph(char previous, string letter) =>
        (letter == "h" && previous is 's' or 'k' or 'g' or 't' or 'd' or 'z' or 'c' or 'p')
        || (letter == "j" && previous == 'd');

    private static string Letter(char c, bool isInitial) => c switch
    {
        'ا' => "a",
        'ب' => "b",
        'ت' or 'ط' => "t",
        'ث' => "th",
        'ج' => "j",
        'ح' or 'ه' => "h",
        'خ' => "kh",
        'د' or 'ض' => "d",
        'ذ' => "dh",
        'ر' => "r",
        'ز' or 'ظ' => "z",
        'س' or 'ص' => "s",
        'ش' => "sh",
        // Ayn has no Latin letter: a name starting with it starts with a vowel (Ali, Omar, Abbas); inside a
        // word it is dropped (Saad, Said).
        'ع' => isInitial ? "a" : string.Empty,
        'غ' => "gh",
        'ف' => "f",
        'ق' => "q",
        'ك' => "k",
        'ل' => "l",
        'م' => "m",
        'ن' => "n",
        // Waw and ya are consonants at the start of a word (Walid, Yahya) and long vowels elsewhere.
        'و' => isInitial ? "w" : "u",
        'ي' => isInitial ? "y" : "i",
        _ when char.IsAsciiLetterOrDigit(c) => c.ToString(),
        _ => string.Empty,
    };
}
