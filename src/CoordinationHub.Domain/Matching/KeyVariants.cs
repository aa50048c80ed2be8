namespace CoordinationHub.Domain.Matching;

/// <summary>
/// The phonetic keys one edit away that <see cref="KeySimilarity"/> still rates close: a single swap
/// of letters that transliteration habits confuse (Libyan g for qaf: Megarief/المقريف, MGRF/MKRF) or a
/// dropped leading vowel (Brahim/Ibrahim). An index lookup by exact key misses these; looking up the
/// variants as well finds them without scanning.
/// </summary>
public static class KeyVariants
{
    /// <summary><paramref name="key"/> itself first, then its near variants, distinct.</summary>
    public static IReadOnlyList<string> Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var variants = new List<string> { key };
        void Add(string variant)
        {
            if (variant.Length > 0 && !variants.Contains(variant))
            {
                variants.Add(variant);
            }
        }

        for (var i = 0; i < key.Length; i++)
        {
            foreach (var (a, b) in KeySimilarity.Confusables)
            {
                if (key[i] == a)
                {
                    Add(string.Concat(key.AsSpan(0, i), b.ToString(), key.AsSpan(i + 1)));
                }
                else if (key[i] == b)
                {
                    Add(string.Concat(key.AsSpan(0, i), a.ToString(), key.AsSpan(i + 1)));
                }
            }
        }

        if (key.StartsWith('A'))
        {
            Add(key[1..]);
        }
        else
        {
            Add("A" + key);
        }

        return variants;
    }
}
