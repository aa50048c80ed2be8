using CoordinationHub.Domain.Matching;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CoordinationHub.Domain.Tests.Matching;

/// <summary>Properties that must hold for any input, checked by FsCheck on generated names and strings.</summary>
public sealed class MatchingPropertiesTests
{
    // Words that exercise every rule: scripts, particles, articles, compounds, diacritics, known names.
    private static readonly string[] Words =
    [
        "Mohamed", "Muhammad", "Mehmet", "محمد", "Hassan", "Hussein", "حسن", "حسين", "Ali", "علي", "Alaa",
        "Omar", "Amr", "عمرو", "Abdel", "Abd", "al-Rahman", "Abderrahmane", "عبد", "الله", "Abdullah",
        "bin", "ibn", "ould", "بن", "al", "el", "Al-Tikriti", "التكريتي", "Nour", "Eddine", "الدين",
        "Abu", "Bakr", "ابو", "Saʿīd", "Ḥusayn", "Fatimah", "فاطمة", "Khadidja", "Yousef", "يوسف",
        "Zahra", "الزهراء", "Taha", "طه", "O'Brien", "X", "-", "١٩٨٨",
    ];

    private static Arbitrary<string> Names() =>
        Gen.Elements(Words).ListOf().Select(words => string.Join(' ', words)).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property NameScore_IsSymmetricAndBetweenZeroAndOne() =>
        Prop.ForAll(Names(), Names(), (a, b) =>
        {
            var ab = NameComparer.Compare([new NameVariant(a)], [new NameVariant(b)]).Score;
            var ba = NameComparer.Compare([new NameVariant(b)], [new NameVariant(a)]).Score;
            return ab == ba && ab is >= 0 and <= 1;
        });

    [Property(MaxTest = 300)]
    public Property NameScore_OfANameWithItself_IsHighestForThatName() =>
        Prop.ForAll(Names(), Names(), (a, b) =>
        {
            var self = NameComparer.Compare([new NameVariant(a)], [new NameVariant(a)]).Score;
            var other = NameComparer.Compare([new NameVariant(a)], [new NameVariant(b)]).Score;
            return self >= other;
        });

    [Property(MaxTest = 1000)]
    public Property ArabicNormalize_IsIdempotent() =>
        Prop.ForAll(ArbMap.Default.ArbFor<NonNull<string>>(), text =>
        {
            var once = ArabicNormalizer.Normalize(text.Get);
            return ArabicNormalizer.Normalize(once) == once;
        });

    [Property(MaxTest = 1000)]
    public Property LatinNormalize_IsIdempotent() =>
        Prop.ForAll(ArbMap.Default.ArbFor<NonNull<string>>(), text =>
        {
            var once = LatinNormalizer.Normalize(text.Get);
            return LatinNormalizer.Normalize(once) == once;
        });

    [Property(MaxTest = 500)]
    public Property Normalize_GeneratedNames_IsIdempotent() =>
        Prop.ForAll(Names(), name =>
            ArabicNormalizer.Normalize(ArabicNormalizer.Normalize(name)) == ArabicNormalizer.Normalize(name)
            && LatinNormalizer.Normalize(LatinNormalizer.Normalize(name)) == LatinNormalizer.Normalize(name));

    [Property(MaxTest = 500)]
    public Property Tokenize_AnyString_NeverThrowsAndKeysAreUpperCaseAscii() =>
        Prop.ForAll(ArbMap.Default.ArbFor<NonNull<string>>(), text =>
            NameTokenizer.Tokenize(new NameVariant(text.Get)).All(t => t.Key.Length > 0 && t.Key.All(char.IsAsciiLetterUpper)));
}
