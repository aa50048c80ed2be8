namespace CoordinationHub.Domain.Matching;

/// <summary>
/// Splits an Arabic-script name into <see cref="NameWord"/>s: drops nasab particles (بن ابن بنت ولد) and
/// the article ال, and recognises the عبد / ابو / الدين compounds, spaced or glued.
/// </summary>
internal static class ArabicWordAnalyzer
{
    private const string Abd = "عبد";
    private const string Abu = "ابو";
    private const string Din = "الدين";
    private static readonly HashSet<string> Particles = ["بن", "ابن", "بنت", "ولد"];
    // الله after عبد, however it was typed; not الإله (Abd al-Ilah is another name).
    private static readonly HashSet<string> DivineNameForms = ["الله", "لله", "له"];

    public static List<NameWord> Analyze(string text)
    {
        var words = ArabicNormalizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = new List<NameWord>(words.Length);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            var hasNext = i + 1 < words.Length;
            if ((hasNext && result.Count > 0 && Particles.Contains(word)) || (hasNext && word == "ال"))
            {
                continue;
            }

            if (hasNext && word == Abu)
            {
                result.Add(Word(word, word, WordRole.AbuPrefix));
            }
            else if (word.Length > Abd.Length + 1 && word.StartsWith(Abd, StringComparison.Ordinal))
            {
                var rest = word[Abd.Length..];
                result.Add(Word(word, Abd, WordRole.AbdPrefix));
                result.Add(DivineNameForms.Contains(rest)
                    ? new NameWord(word, "له", "lah", WordRole.Name)
                    : Word(word, ArabicNormalizer.StripArticle(rest), WordRole.Name));
            }
            else if (result.Count > 0 && (word == Din || word == "دين"))
            {
                result.Add(Word(word, "دين", WordRole.DinSuffix));
            }
            else if (word.Length > Din.Length + 1 && word.EndsWith(Din, StringComparison.Ordinal))
            {
                result.Add(Word(word, ArabicNormalizer.StripArticle(word[..^Din.Length]), WordRole.Name));
                result.Add(Word(word, "دين", WordRole.DinSuffix));
            }
            else
            {
                result.Add(Word(word, ArabicNormalizer.StripArticle(word), WordRole.Name));
            }
        }

        return result;
    }

    private static NameWord Word(string original, string spelling, WordRole role) =>
        new(original, spelling, ArabicTransliterator.TransliterateWord(spelling), role);
}
