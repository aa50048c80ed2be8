using System.Text;

namespace CoordinationHub.Domain.Matching;

/// <summary>
/// A consonant skeleton for Arabic-origin names written in Latin letters (or romanised by
/// <see cref="ArabicTransliterator"/>): vowels folded away, letters that transliteration systems render
/// differently folded together, so "Youssef", "Yusuf" and "يوسف" all give "YSF".
/// </summary>
/// <remarks>
/// Key alphabet: A = the name starts with a vowel, ayn or hamza (Omar/Umar/عمر: "AMR"); B D F G H J K L
/// M N R S T W Y Z as spelled, with these folds: q c ck to K (Qasim/Kassem), v to F, p to B, x to X;
/// digraphs kh to X, gh to G, sh ch sch to C (Achraf/Ashraf), th to T (Uthman), dh zh to Z (Nadhim/Nazim),
/// dj to J (Djamel); w and y inside a word are vowels. A final h after a vowel is dropped, because Latin
/// spellings write ta marbuta as -a or -ah at random (Fatima/Fatimah/فاطمة); the romanisation of Arabic
/// drops a word-final ha for the same reason. An apostrophe in the input only separates letters.
/// Vowel quality is lost by design: Arabic script does not write short vowels, so the key cannot use them.
/// Names that the skeleton merges wrongly (Hassan/Hussein, Saad/Said) are told apart by
/// <see cref="KnownNameVariants"/>.
/// </remarks>
public static class PhoneticKey
{
    /// <summary>The key of one romanised word (lower-case ASCII letters), or "" when it has no letters.</summary>
    public static string For(string romanizedWord)
    {
        var s = LatinNormalizer.CollapseDoubledLetters(romanizedWord);
        var key = new StringBuilder(s.Length);
        var previous = '\0';
        var endsWithDroppableH = false;
        for (var i = 0; i < s.Length;)
        {
            if (s[i] == '\'')
            {
                // A separator from the romanisation ("z'hra"): breaks digraphs, adds nothing.
                i++;
                continue;
            }

            var (letter, consumed) = Read(s, i);
            var isInitial = i == 0;
            i += consumed;
            if (letter is 'W' or 'Y' && !isInitial)
            {
                letter = 'V';
            }

            if (letter == 'V')
            {
                if (isInitial)
                {
                    key.Append('A');
                }
            }
            else if (letter != previous)
            {
                // "kkh" or "shsh": a doubled digraph is still one consonant.
                key.Append(letter);
            }

            previous = letter;
            endsWithDroppableH = letter == 'H' && consumed == 1 && i == s.Length && i >= 2 && IsVowel(s[i - 2]);
        }

        if (endsWithDroppableH && key.ToString().Count(c => c != 'A') >= 2)
        {
            key.Length--;
        }

        return key.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    // Returns the key letter ('V' for a vowel) and how many characters it consumed.
    private static (char Letter, int Consumed) Read(string s, int i)
    {
        var next = i + 1 < s.Length ? s[i + 1] : '\0';
        if (s[i] == 's' && next == 'c' && i + 2 < s.Length && s[i + 2] == 'h')
        {
            return ('C', 3);
        }

        var digraph = (s[i], next) switch
        {
            ('s' or 'c', 'h') => 'C',
            ('k', 'h') => 'X',
            ('g', 'h') => 'G',
            ('t', 'h') => 'T',
            ('d' or 'z', 'h') => 'Z',
            ('d', 'j') => 'J',
            ('p', 'h') => 'F',
            ('c', 'k') => 'K',
            _ => '\0',
        };
        if (digraph != '\0')
        {
            return (digraph, 2);
        }

        return (s[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => 'V',
            'c' or 'q' or 'k' => 'K',
            'v' or 'f' => 'F',
            'p' or 'b' => 'B',
            var c => char.ToUpperInvariant(c),
        }, 1);
    }
}
