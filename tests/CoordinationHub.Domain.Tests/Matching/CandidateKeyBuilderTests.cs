using CoordinationHub.Domain.Matching;

namespace CoordinationHub.Domain.Tests.Matching;

public sealed class CandidateKeyBuilderTests
{
    [Fact]
    public void For_SamePersonInTwoScripts_GivesTheSameTokenKeys()
    {
        var arabic = CandidateKeyBuilder.For([new NameVariant("محمد عبد الله التكريتي")]);
        var latin = CandidateKeyBuilder.For([new NameVariant("Mehmet Abdullah al-Tikriti")]);

        Assert.Equal(["MHMD", "ABDL", "TKRT"], arabic.TokenKeys);
        Assert.Equal(arabic.TokenKeys, latin.TokenKeys);
        Assert.Equal("MHMD ABDL TKRT", latin.PhoneticName);
    }

    [Fact]
    public void For_SeveralVariants_GivesDistinctKeysAndEachNormalisedName()
    {
        var keys = CandidateKeyBuilder.For([new NameVariant("Mohammed Ali"), new NameVariant("محمد علي"), new NameVariant("Muhammad ʿAlī Ḥasan")]);

        Assert.Equal(["MHMD", "AL", "HSN"], keys.TokenKeys);
        Assert.Equal(["mohamed ali", "محمد علي", "muhamad ali hasan"], keys.NormalizedNames);
    }
}
