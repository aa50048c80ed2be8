using CoordinationHub.Domain.Matching;

namespace CoordinationHub.Domain.Tests.Matching;

public sealed class ArabicNormalizerTests
{
    [Theory]
    // Tashkeel (fatha, damma, shadda, sukun, tanwin) is stripped.
    [InlineData("مُحَمَّد", "محمد")]
    [InlineData("سَعْدٌ", "سعد")]
    // Superscript alef and tatweel.
    [InlineData("رحمٰن", "رحمن")]
    [InlineData("علـــي", "علي")]
    // Hamza carriers on alef, waw and ya collapse to the bare letter.
    [InlineData("أحمد", "احمد")]
    [InlineData("إبراهيم", "ابراهيم")]
    [InlineData("آمنة", "امنه")]
    [InlineData("ٱلله", "الله")]
    [InlineData("مؤمن", "مومن")]
    [InlineData("عائشة", "عايشه")]
    // A standalone hamza is dropped.
    [InlineData("علاء", "علا")]
    // Ta marbuta to ha, alef maqsura to ya.
    [InlineData("فاطمة", "فاطمه")]
    [InlineData("مصطفى", "مصطفي")]
    // Persian and Urdu keyboard letters.
    [InlineData("کریم", "كريم")]
    [InlineData("گاطع", "كاطع")]
    // Arabic-Indic and Persian digits.
    [InlineData("١٢٣ ۴۵", "123 45")]
    // Whitespace, bidi marks and punctuation become single spaces.
    [InlineData("  محمد\u200F   علي،حسن ", "محمد علي حسن")]
    // The servant-of compound is one word, spaced or not.
    [InlineData("عبد الرحمن", "عبدالرحمن")]
    [InlineData("عبدالله التكريتي", "عبدالله التكريتي")]
    public void Normalize_ArabicSpelling_GivesCanonicalSpelling(string text, string expected) =>
        Assert.Equal(expected, ArabicNormalizer.Normalize(text));

    [Theory]
    [InlineData("التكريتي", "تكريتي")]
    [InlineData("الجبوري", "جبوري")]
    // Names that begin with alef-lam without an article keep it.
    [InlineData("الياس", "الياس")]
    [InlineData("الهام", "الهام")]
    // Too short to carry an article and a name.
    [InlineData("الي", "الي")]
    public void StripArticle_Word_RemovesOnlyTheArticle(string word, string expected) =>
        Assert.Equal(expected, ArabicNormalizer.StripArticle(word));
}
