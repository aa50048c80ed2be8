using CoordinationHub.Samples.CsvImporter.Csv;
using CoordinationHub.Samples.CsvImporter.Import;
using CoordinationHub.Samples.CsvImporter.Rows;
using CoordinationHub.Samples.Tests.Infrastructure;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Samples.Tests.CsvImporter;

/// <summary>Whole imports against the real hub (mutual TLS, tokens, PostgreSQL), as a ministry runs them.</summary>
[Collection(HubTestGroup.Name)]
public sealed class ImportEndToEndTests(HubTestHost hub)
{
    private static readonly string Header = CsvFields.Line(MinistryColumns.All);

    [Fact]
    public async Task Import_200GeneratedRows_AllInTheHub_AndAReRunCreatesNothing()
    {
        using var ministry = await MinistryImporter.RegisterAsync(hub);
        var csv = ExampleAndGeneratorTests.Generate(seed: 2016, rows: 200);

        var first = await ministry.ImportAsync(csv);
        var written = await ministry.CountWrittenAsync();
        var second = await ministry.ImportAsync(csv);

        Assert.True(first.Failed == 0, string.Join("\n", first.Failures));
        Assert.Equal(200, first.Created + first.Attached);
        Assert.Equal(0, first.Replayed);
        Assert.True(first.Flagged > 0, "the generator files about one row in twenty again; the hub should flag some");
        Assert.Equal((200, 200), written);
        Assert.Equal((0, 0, 200, 0), (second.Created, second.Attached, second.Replayed, second.Failed));
        Assert.Equal(0, second.Flagged);
        Assert.Equal(written, await ministry.CountWrittenAsync());
    }

    [Fact]
    public async Task Import_BadRows_ReportedByLineAndNothingWrittenForThem()
    {
        using var ministry = await MinistryImporter.RegisterAsync(hub);
        var csv = string.Join('\n',
            Header,
            "MOI/1,محمد عبد الله الحسن,,M,1994-03-12,,SY,Zuwara,LY,2016-08,migration_route,,",
            "MOI/2,,Khalid Omar al-Dulaimi,X,1980,,IQ,Fallujah,IQ,2016,detention,,",
            "MOI/3,,Ali Hassan al-Obaidi,M,1970-04-18,,SYR,Tikrit,IQ,2014-06-12,conflict,,",
            "MOI/4,فاطمة علي الجبوري,,F,14/02/1988,,IQ,الموصل,IQ,2016,conflict,,",
            ",زينب حيدر,,F,2001,,IQ,البصرة,IQ,2017,other,,") + "\n";

        var summary = await ministry.ImportAsync(csv);

        Assert.Equal(1, summary.Created);
        Assert.Equal([3, 4, 5, 6], summary.Failures.Select(f => f.Line));
        var refusedByHub = summary.Failures.Single(f => f.Line == 4);
        Assert.Equal(("MOI/3", "InvalidArgument"), (refusedByHub.Reference, refusedByHub.Status));
        Assert.Equal("sections.identity.nationality must be an ISO 3166-1 alpha-2 code in capitals, for example \"IQ\".", refusedByHub.Message);
        Assert.All(summary.Failures.Where(f => f.Line != 4), f => Assert.Equal(RowFailure.NotSent, f.Status));
        Assert.Contains("sex: 'X'", summary.Failures.Single(f => f.Line == 3).Message, StringComparison.Ordinal);
        Assert.Contains("date_of_birth: '14/02/1988'", summary.Failures.Single(f => f.Line == 5).Message, StringComparison.Ordinal);
        Assert.Equal((1, 1), await ministry.CountWrittenAsync());
    }

    [Fact]
    public async Task Import_RowNamingAHubCase_AttachedToIt()
    {
        using var ministry = await MinistryImporter.RegisterAsync(hub);
        var opened = await ministry.ImportAsync(Header + "\nMOI/1,حسين جاسم التميمي,,M,1979-11-02,,IQ,بغداد,IQ,2014-06-09,detention,,\n");
        Assert.Equal(1, opened.Created);
        string caseId;
        await using (var db = hub.Trust.OpenDb())
        {
            caseId = db.CaseReports.Single(r => r.AgencyId == ministry.Agency.AgencyId).CaseId;
        }

        var attached = await ministry.ImportAsync(Header + $"\nMOI/2,,Hussein Jassim al-Tamimi,M,1979-11-02,,IQ,Baghdad,IQ,2014-06-09,detention,Second office's file,{caseId}\n");

        Assert.Equal((0, 1, 0), (attached.Created, attached.Attached, attached.Failed));
        Assert.Equal((1, 2), await ministry.CountWrittenAsync());
    }

    [Fact]
    public async Task Import_AgencyWithoutCasesWrite_StopsAtTheFirstRefusal()
    {
        using var ministry = await MinistryImporter.RegisterAsync(hub, Domain.Trust.Scopes.CasesRead);

        var summary = await ministry.ImportAsync(ExampleAndGeneratorTests.Generate(seed: 5, rows: 50), concurrency: 2);

        Assert.NotNull(summary.StoppedBecause);
        Assert.Contains("PermissionDenied", summary.StoppedBecause, StringComparison.Ordinal);
        Assert.Equal(50, summary.Failed + summary.NotAttempted);
        // Only the calls already under way when the first refusal came back are sent.
        Assert.InRange(summary.Failed, 1, 4);
        Assert.Equal((0, 0), await ministry.CountWrittenAsync());
    }
}
