using System.Collections.Frozen;

namespace CoordinationHub.Domain.Matching;

/// <summary>
/// Place names whose variants the phonetic key cannot join: exonyms (Aleppo/Halab, Tripoli/Tarabulus,
/// Damascus/Dimashq) and renderings that drop a consonant (Nineveh/Ninawa). Spellings go through the
/// same tokenizer as names; the lookup is by the space-joined keys.
/// </summary>
internal static class KnownPlaceVariants
{
    private static readonly string[][] Table =
    [
        ["Aleppo", "Halab", "Alep", "حلب"],
        ["Tripoli", "Tarabulus", "Trablous", "طرابلس"],
        ["Damascus", "Dimashq", "Damas", "Sham", "دمشق", "الشام"],
        ["Nineveh", "Ninawa", "Ninewa", "Nineva", "نينوى"],
        ["Mosul", "Mawsil", "Mossoul", "الموصل"],
        ["Benghazi", "Bengasi", "Banghazi", "بنغازي"],
        ["Misrata", "Misurata", "Misratah", "مصراتة"],
        ["Sirte", "Surt", "Syrte", "سرت"],
        ["Raqqa", "Rakka", "Raqqah", "الرقة"],
        ["Deir ez-Zor", "Deir al-Zour", "Dayr az-Zawr", "Deir Ezzor", "دير الزور"],
        ["Fallujah", "Falluja", "Faluja", "الفلوجة"],
        ["Ramadi", "الرمادي"],
        ["Sinjar", "Shingal", "Shengal", "سنجار"],
        ["Kirkuk", "Karkuk", "كركوك"],
    ];

    private static readonly Lazy<FrozenDictionary<string, int>> ByKeys = new(Build);

    /// <summary>The table row a place name belongs to, or null.</summary>
    public static int? RowOf(IReadOnlyList<NameToken> tokens) =>
        ByKeys.Value.TryGetValue(KeysOf(tokens), out var row) ? row : null;

    private static string KeysOf(IReadOnlyList<NameToken> tokens) => string.Join(' ', tokens.Select(t => t.Key));

    private static FrozenDictionary<string, int> Build()
    {
        var byKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var row = 0; row < Table.Length; row++)
        {
            foreach (var spelling in Table[row])
            {
                byKeys.TryAdd(KeysOf(NameTokenizer.Tokenize(new NameVariant(spelling))), row);
            }
        }

        return byKeys.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
