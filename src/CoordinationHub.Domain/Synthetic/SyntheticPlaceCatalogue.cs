namespace CoordinationHub.Domain.Synthetic;

/// <summary>Towns of Iraq, Syria and Libya where people went missing, with the spellings agencies use.</summary>
public static class SyntheticPlaceCatalogue
{
    public static IReadOnlyList<SyntheticPlace> Places { get; } =
    [
        new("IRQ", "Baghdad", new("بغداد", "Baghdad", "Bagdad", "Baghdād"), new(33.315, 44.366)),
        new("IRQ", "Nineveh", new("الموصل", "Mosul", "Mossoul", "al-Mawṣil"), new(36.340, 43.130)),
        new("IRQ", "Nineveh", new("سنجار", "Sinjar", "Sindjar", "Sinjār"), new(36.322, 41.864)),
        new("IRQ", "Nineveh", new("تلعفر", "Tal Afar", "Tell Afar", "Tall ʿAfar"), new(36.374, 42.449)),
        new("IRQ", "Anbar", new("الفلوجة", "Fallujah", "Falloujah", "al-Fallūja"), new(33.350, 43.783)),
        new("IRQ", "Anbar", new("الرمادي", "Ramadi", "Ramadi", "al-Ramādī"), new(33.426, 43.299)),
        new("IRQ", "Salah al-Din", new("تكريت", "Tikrit", "Tikrit", "Tikrīt"), new(34.607, 43.678)),
        new("IRQ", "Basra", new("البصرة", "Basra", "Bassorah", "al-Baṣra"), new(30.508, 47.783)),
        new("IRQ", "Kirkuk", new("كركوك", "Kirkuk", "Kirkouk", "Karkūk"), new(35.468, 44.392)),
        new("IRQ", "Diyala", new("بعقوبة", "Baqubah", "Baaqouba", "Baʿqūba"), new(33.746, 44.643)),
        new("SYR", "Aleppo", new("حلب", "Aleppo", "Alep", "Ḥalab"), new(36.202, 37.134)),
        new("SYR", "Homs", new("حمص", "Homs", "Homs", "Ḥimṣ"), new(34.731, 36.709)),
        new("SYR", "Damascus", new("دمشق", "Damascus", "Damas", "Dimashq"), new(33.513, 36.292)),
        new("SYR", "Raqqa", new("الرقة", "Raqqa", "Rakka", "al-Raqqa"), new(35.950, 39.009)),
        new("SYR", "Deir ez-Zor", new("دير الزور", "Deir ez-Zor", "Deir Ezzor", "Dayr al-Zawr"), new(35.336, 40.141)),
        new("SYR", "Idlib", new("إدلب", "Idlib", "Idleb", "Idlib"), new(35.931, 36.634)),
        new("SYR", "Daraa", new("درعا", "Daraa", "Deraa", "Darʿā"), new(32.625, 36.106)),
        new("LBY", "Tripoli", new("طرابلس", "Tripoli", "Tripoli", "Ṭarābulus"), new(32.887, 13.191)),
        new("LBY", "Benghazi", new("بنغازي", "Benghazi", "Bengasi", "Banghāzī"), new(32.117, 20.068)),
        new("LBY", "Misrata", new("مصراتة", "Misrata", "Misurata", "Miṣrāta"), new(32.375, 15.092)),
        new("LBY", "Sirte", new("سرت", "Sirte", "Syrte", "Surt"), new(31.205, 16.588)),
        new("LBY", "Sabha", new("سبها", "Sabha", "Sebha", "Sabhā"), new(27.038, 14.426)),
        new("LBY", "Zawiya", new("الزاوية", "Zawiya", "Zaouia", "al-Zāwiya"), new(32.757, 12.728)),
        new("LBY", "Murzuq", new("مرزق", "Murzuq", "Mourzouk", "Murzuq"), new(25.916, 13.919)),
        new("LBY", "Kufra", new("الكفرة", "Kufra", "Koufra", "al-Kufra"), new(24.196, 23.291)),
        new("LBY", "Tarhuna", new("ترهونة", "Tarhuna", "Tarhouna", "Tarhūna"), new(32.435, 13.634)),
    ];
}
