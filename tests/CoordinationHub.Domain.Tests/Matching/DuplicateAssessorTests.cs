using CoordinationHub.Domain.Matching;

namespace CoordinationHub.Domain.Tests.Matching;

public sealed class DuplicateAssessorTests
{
    private static readonly PersonDescription Reported = new()
    {
        Names = [new NameVariant("محمد علي حسين الجبوري")],
        Sex = Sex.Male,
        DateOfBirth = new DateOnly(1988, 4, 9),
        Nationality = "IRQ",
        LastSeenPlace = new PlaceDescription("الموصل"),
        LastSeenDate = new DateOnly(2014, 6, 10),
    };

    private static readonly PersonDescription ReportedAgain = new()
    {
        Names = [new NameVariant("Mohammed Ali al-Jubouri")],
        Sex = Sex.Male,
        DateOfBirth = new DateOnly(1988, 4, 9),
        Nationality = "IRQ",
        LastSeenPlace = new PlaceDescription("Mosul"),
        LastSeenDate = new DateOnly(2014, 6, 12),
    };

    [Fact]
    public void Assess_SamePersonInTwoScripts_IsLikelyDuplicateWithReasons()
    {
        var assessment = DuplicateAssessor.Assess(Reported, ReportedAgain);

        Assert.True(assessment.IsLikelyDuplicate);
        Assert.InRange(assessment.Score, 0.9, 1);
        Assert.Contains("given name: محمد ~ Mohammed (transliteration)", assessment.Reasons);
        Assert.Contains("same date of birth", assessment.Reasons);
        Assert.Contains(assessment.Reasons, r => r.StartsWith("same last-seen place", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_DayAndMonthSwapped_StillLikelyDuplicate()
    {
        var swapped = ReportedAgain with { DateOfBirth = new DateOnly(1988, 9, 4) };

        var assessment = DuplicateAssessor.Assess(Reported, swapped);

        Assert.True(assessment.IsLikelyDuplicate);
        Assert.Contains("date of birth with day and month swapped", assessment.Reasons);
    }

    [Fact]
    public void Assess_BirthYearOffByOne_StillLikelyDuplicate()
    {
        var assessment = DuplicateAssessor.Assess(Reported, ReportedAgain with { DateOfBirth = new DateOnly(1989, 4, 9) });

        Assert.True(assessment.IsLikelyDuplicate);
        Assert.Contains("date of birth one year apart, same day and month", assessment.Reasons);
    }

    [Fact]
    public void Assess_BirthYearInsideEstimatedRange_StillLikelyDuplicate()
    {
        var estimated = ReportedAgain with { DateOfBirth = null, BirthYearRange = new BirthYearRange(1985, 1990) };

        var assessment = DuplicateAssessor.Assess(Reported, estimated);

        Assert.True(assessment.IsLikelyDuplicate);
        Assert.Contains("birth year within the estimated range", assessment.Reasons);
    }

    [Fact]
    public void Assess_SexContradiction_IsNotLikelyDuplicate()
    {
        var assessment = DuplicateAssessor.Assess(Reported, ReportedAgain with { Sex = Sex.Female });

        Assert.False(assessment.IsLikelyDuplicate);
        Assert.True(assessment.Score < 0.4, $"score {assessment.Score}");
        Assert.Contains("sex differs", assessment.Reasons);
    }

    [Fact]
    public void Assess_NamesakeAGenerationApart_IsNotLikelyDuplicate()
    {
        // A son named after his grandfather, reported by another agency: same names, born 30 years later.
        var assessment = DuplicateAssessor.Assess(Reported, ReportedAgain with { DateOfBirth = new DateOnly(1958, 4, 9) });

        Assert.False(assessment.IsLikelyDuplicate);
        Assert.Contains("dates of birth 30 years apart", assessment.Reasons);
    }

    [Fact]
    public void Assess_UnknownFields_DoNotCountAgainst()
    {
        var namesOnly = new PersonDescription { Names = ReportedAgain.Names };

        var assessment = DuplicateAssessor.Assess(Reported, namesOnly);

        Assert.True(assessment.IsLikelyDuplicate);
        Assert.Equal(assessment.NameScore, assessment.Score, 6);
    }

    [Fact]
    public void Assess_BrothersBornTheSameYearInTheSameTown_IsNotLikelyDuplicate()
    {
        var brother = ReportedAgain with { Names = [new NameVariant("Omar Ali Hussein al-Jubouri")], DateOfBirth = new DateOnly(1988, 1, 1) };

        Assert.False(DuplicateAssessor.Assess(Reported, brother).IsLikelyDuplicate);
    }

    [Theory]
    // Exonyms and transliterations of the same town.
    [InlineData("Aleppo", "حلب")]
    [InlineData("Tripoli", "Tarabulus")]
    [InlineData("Deir ez-Zor", "دير الزور")]
    [InlineData("Benghazi", "Bengasi")]
    [InlineData("Misrata", "مصراتة")]
    [InlineData("Al-Fallujah", "Falluja")]
    [InlineData("Sinjar", "Shingal")]
    public void Assess_PlaceVariants_CountAsSamePlace(string placeA, string placeB)
    {
        var assessment = DuplicateAssessor.Assess(
            Reported with { LastSeenPlace = new PlaceDescription(placeA) },
            ReportedAgain with { LastSeenPlace = new PlaceDescription(placeB) });

        Assert.Contains(assessment.Reasons, r => r.StartsWith("same last-seen place", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_DifferentTowns_CountAsDifferentPlace()
    {
        var assessment = DuplicateAssessor.Assess(Reported, ReportedAgain with { LastSeenPlace = new PlaceDescription("Basra") });

        Assert.Contains("different last-seen place: الموصل / Basra", assessment.Reasons);
    }

    [Theory]
    // Mosul city centre to a point 3 km due north, and to Baghdad (355 km, checked with an independent haversine).
    [InlineData(36.367, 43.130, "last seen within 3 km")]
    [InlineData(33.315, 44.366, "last seen 355 km apart")]
    public void Assess_Coordinates_UseHaversineDistance(double latitude, double longitude, string expectedReason)
    {
        var mosul = new PlaceDescription("Mosul", new GeoPoint(36.340, 43.130));
        var other = new PlaceDescription("somewhere", new GeoPoint(latitude, longitude));

        var assessment = DuplicateAssessor.Assess(Reported with { LastSeenPlace = mosul }, ReportedAgain with { LastSeenPlace = other });

        Assert.Contains(expectedReason, assessment.Reasons);
    }
}
