using CoordinationHub.Contracts.V1;
using CoordinationHub.Samples.CsvImporter.Csv;
using CoordinationHub.Samples.CsvImporter.Rows;

namespace CoordinationHub.Samples.Tests.CsvImporter;

public sealed class MinistryRowParserTests
{
    private static readonly string Header = CsvFields.Line(MinistryColumns.All);

    [Fact]
    public void Parse_GoodRowInBothScripts_TheReportTheHubExpects()
    {
        var row = ParseOne("MOI/2016/114,محمد عبد الله الحسن,Mohamed Abdallah al-Hassan,ذكر,1994-03-12,,sy,\"Zuwara, port\",LY,2016-08,migration_route,\"Boat left, did not arrive\",");

        var identity = row.Request.Sections.Identity;
        Assert.Equal(2, row.Line);
        Assert.Equal("MOI/2016/114", row.Request.LocalReference);
        Assert.Equal(RequestIds.For("interior-1", "MOI/2016/114"), row.Request.RequestId);
        Assert.Equal(string.Empty, row.Request.CaseId);
        Assert.Equal([("محمد عبد الله الحسن", NameScript.Arabic), ("Mohamed Abdallah al-Hassan", NameScript.Latin)], identity.Names.Select(n => (n.FullName, n.Script)));
        Assert.Equal(Sex.Male, identity.Sex);
        Assert.Equal(new PartialDate { Year = 1994, Month = 3, Day = 12 }, identity.DateOfBirth);
        Assert.Equal("SY", identity.Nationality);
        var lastSeen = row.Request.Sections.Circumstances;
        Assert.Equal("Zuwara, port", lastSeen.Place);
        Assert.Equal(new PartialDate { Year = 2016, Month = 8 }, lastSeen.Date);
        Assert.Equal(DisappearanceContext.MigrationRoute, lastSeen.Context);
        Assert.Equal("Boat left, did not arrive", lastSeen.Narrative);
    }

    [Fact]
    public void Parse_AgeWhenLastSeen_BecomesTheBirthYearsItAllows()
    {
        var row = ParseOne("MOI/1,,Khalid Omar,M,,25-30,IQ,Fallujah,IQ,2016-05-23,detention,,");

        Assert.Null(row.Request.Sections.Identity.DateOfBirth);
        Assert.Equal((1985, 1991), (row.Request.Sections.Identity.BirthYearFrom, row.Request.Sections.Identity.BirthYearTo));
    }

    [Fact]
    public void Parse_HubCaseId_AttachesInsteadOfCreating()
    {
        var row = ParseOne("MOI/1,علي,,,,,,,,,,,CASE-2016-000042");

        Assert.Equal("CASE-2016-000042", row.Request.CaseId);
    }

    [Theory]
    [InlineData(",محمد,,M,,,,,,,,,", "reference is missing")]
    [InlineData("MOI/1,,,M,,,,,,,,,", "no name")]
    [InlineData("MOI/1,محمد,,X,,,,,,,,,", "sex: 'X' is not a sex")]
    [InlineData("MOI/1,محمد,,M,12/03/1987,,,,,,,,", "date_of_birth: '12/03/1987' is not a date")]
    [InlineData("MOI/1,محمد,,M,1987-02-30,,,,,,,,", "date_of_birth: '1987-02-30' is not a date")]
    [InlineData("MOI/1,محمد,,M,,,,,,2016-13,,,", "last_seen_date: '2016-13' is not a date")]
    [InlineData("MOI/1,محمد,,M,,thirty,,,,2016,,,", "age_last_seen: 'thirty' is not an age")]
    [InlineData("MOI/1,محمد,,M,,30,,,,,,,", "an age needs last_seen_date")]
    [InlineData("MOI/1,محمد,,M,,,,,,,kidnapped,,", "context: 'kidnapped' is not a context")]
    [InlineData("MOI/1,محمد,,M,,,,Fallujah, al-Jolan,,,,,", "the row has 14 fields, the header 13")]
    public void Parse_BadRow_ProblemNamesTheColumn(string line, string problem)
    {
        var error = Assert.Throws<RowProblemException>(() => ParseOne(line));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReferenceTwiceInTheFile_SecondRowRefusedNamingTheFirst()
    {
        var parser = new MinistryRowParser(new CsvRecord(1, Header.Split(',')), "interior-1");
        parser.Parse(new CsvRecord(2, "MOI/1,محمد,,,,,,,,,,,".Split(',')));

        var error = Assert.Throws<RowProblemException>(() => parser.Parse(new CsvRecord(3, "MOI/1,علي,,,,,,,,,,,".Split(','))));

        Assert.Contains("already on line 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reference,name_ar,date_of_brith", "unknown column 'date_of_brith'")]
    [InlineData("name_ar,sex", "needs 'reference'")]
    [InlineData("reference,sex", "needs 'reference' and 'name_ar' or 'name_latin'")]
    [InlineData("reference,name_ar,name_ar", "'name_ar' appears twice")]
    public void Constructor_BadHeader_RefusesTheFile(string header, string problem)
    {
        var error = Assert.Throws<CsvFormatException>(() => new MinistryRowParser(new CsvRecord(1, header.Split(',')), "interior-1"));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_HeaderInAnotherOrderWithFewerColumns_ReadsByName()
    {
        var parser = new MinistryRowParser(new CsvRecord(1, ["\uFEFFName_Latin", "Reference"]), "interior-1");

        var row = parser.Parse(new CsvRecord(2, ["Ali Hassan", "MOI/9"]));

        Assert.Equal("MOI/9", row.Reference);
        Assert.Equal("Ali Hassan", Assert.Single(row.Request.Sections.Identity.Names).FullName);
    }

    [Fact]
    public void For_SameAgencyAndReference_SameKeyWithinTheHubsLimit()
    {
        Assert.Equal(RequestIds.For("interior-1", "MOI/1"), RequestIds.For("interior-1", "MOI/1"));
        Assert.NotEqual(RequestIds.For("interior-1", "MOI/1"), RequestIds.For("interior-2", "MOI/1"));
        Assert.NotEqual(RequestIds.For("interior-1", "MOI/1"), RequestIds.For("interior-1", "MOI/2"));
        Assert.InRange(RequestIds.For("interior-1", new string('x', 500)).Length, 1, 100);
    }

    private static ImportRow ParseOne(string line)
    {
        using var reader = new StringReader(Header + "\n" + line + "\n");
        var records = CsvRecordReader.Read(reader).ToList();
        return new MinistryRowParser(records[0], "interior-1").Parse(records[1]);
    }
}
