namespace CoordinationHub.Domain.Matching;

/// <summary>Builds the <see cref="CandidateKeys"/> of a reported person.</summary>
public static class CandidateKeyBuilder
{
    public static CandidateKeys For(IReadOnlyList<NameVariant> names)
    {
        var keys = new List<string>();
        var normalized = new List<string>();
        foreach (var name in names)
        {
            foreach (var token in NameTokenizer.Tokenize(name))
            {
                if (!keys.Contains(token.Key))
                {
                    keys.Add(token.Key);
                }
            }

            var script = name.Script == NameScript.Unknown ? NameTokenizer.DetectScript(name.Text) : name.Script;
            var text = script == NameScript.Arabic ? ArabicNormalizer.Normalize(name.Text) : LatinNormalizer.Normalize(name.Text);
            if (text.Length > 0 && !normalized.Contains(text))
            {
                normalized.Add(text);
            }
        }

        return new CandidateKeys(keys, string.Join(' ', keys), normalized);
    }

    public static CandidateKeys For(PersonDescription person) => For(person.Names);
}
