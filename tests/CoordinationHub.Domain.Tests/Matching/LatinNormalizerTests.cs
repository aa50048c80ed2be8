using CoordinationHub.Domain.Matching;

namespace CoordinationHub.Domain.Tests.Matching;

public sealed class LatinNormalizerTests
{
    [Theory]
    // Case, accents, doubled letters.
    [InlineData("MOHAMMED", "mohamed")]
    [InlineData("Saïd", "said")]
    [InlineData("Hüseyin Çelik", "huseyin selik")]
    [InlineData("Fayçal", "faysal")]
    // Scholarly transliteration: dotted letters, macrons, ayn and hamza marks.
    [InlineData("Muḥammad ʿAbd al-Raḥmān", "muhamad abd al rahman")]
    [InlineData("ʿĀʾisha", "aisha")]
    [InlineData("Sa'id", "said")]
    [InlineData("Sa’id", "said")]
    // Long-vowel digraphs of English and French habits.
    [InlineData("Kareem Noor", "karim nur")]
    [InlineData("Youssef", "yusef")]
    // Hyphens, dots and commas separate words.
    [InlineData("al-Tikriti, Omar", "al tikriti omar")]
    [InlineData("  Abd  el-Kader ", "abd el kader")]
    public void Normalize_LatinSpelling_GivesCanonicalSpelling(string text, string expected) =>
        Assert.Equal(expected, LatinNormalizer.Normalize(text));

    [Fact]
    public void Fold_AssimilatedArticle_KeepsDoubledLetter() =>
        Assert.Equal("abderrahmane", LatinNormalizer.Fold("Abderrahmane"));
}
