namespace CoordinationHub.Domain.Matching;

/// <summary>
/// Turns a full name in either script into <see cref="NameToken"/>s in written order: particles and
/// articles dropped, Abd/Abu/al-Din compounds merged, each token keyed for cross-script comparison.
/// </summary>
public static class NameTokenizer
{
    public static IReadOnlyList<NameToken> Tokenize(NameVariant name)
    {
        var tokens = TokenizeWithoutKnownNames(name);
        return [.. tokens.Select(KnownNameVariants.Recognize)];
    }

    /// <summary>The script a name is written in: Arabic as soon as most of its letters are Arabic.</summary>
    public static NameScript DetectScript(string text)
    {
        int arabic = 0, latin = 0;
        foreach (var c in text)
        {
            if (ArabicNormalizer.IsArabicLetter(c))
            {
                arabic++;
            }
            else if (char.IsLetter(c))
            {
                latin++;
            }
        }

        return arabic > latin ? NameScript.Arabic : NameScript.Latin;
    }

    // Also used to build the known-name table, which therefore follows every rule tokens follow.
    internal static List<NameToken> TokenizeWithoutKnownNames(NameVariant name)
    {
        var script = name.Script == NameScript.Unknown ? DetectScript(name.Text) : name.Script;
        var words = script == NameScript.Arabic ? ArabicWordAnalyzer.Analyze(name.Text) : LatinWordAnalyzer.Analyze(name.Text);
        var compoundAbd = script == NameScript.Arabic ? "عبدال" : "abdal";
        var compoundDin = script == NameScript.Arabic ? "الدين" : "aldin";

        var tokens = new List<NameToken>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var next = i + 1 < words.Count && words[i + 1].Role == WordRole.Name ? words[i + 1] : null;
            if (word.Role == WordRole.AbdPrefix && next is not null)
            {
                tokens.Add(new NameToken(JoinOriginals(word, next), compoundAbd + next.Spelling, "ABD" + PhoneticKey.For(next.Romanized), script, null));
                i++;
            }
            else if (word.Role == WordRole.AbuPrefix && next is not null)
            {
                tokens.Add(new NameToken(JoinOriginals(word, next), word.Spelling + next.Spelling, PhoneticKey.For(word.Romanized + next.Romanized), script, null));
                i++;
            }
            else if (word.Role == WordRole.DinSuffix && tokens.Count > 0)
            {
                var previous = tokens[^1];
                tokens[^1] = previous with
                {
                    Original = previous.Original == word.Original ? previous.Original : previous.Original + " " + word.Original,
                    Spelling = previous.Spelling + compoundDin,
                    Key = previous.Key + "DN",
                };
            }
            else
            {
                tokens.Add(new NameToken(word.Original, word.Spelling, PhoneticKey.For(word.Romanized), script, null));
            }
        }

        tokens.RemoveAll(t => t.Key.Length == 0);
        return tokens;
    }

    private static string JoinOriginals(NameWord first, NameWord second) =>
        first.Original == second.Original ? first.Original : first.Original + " " + second.Original;
}
