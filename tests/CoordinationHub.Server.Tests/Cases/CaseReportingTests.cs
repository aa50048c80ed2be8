using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Tests.Cases;

/// <summary>ReportMissingPerson end to end: round trip, idempotency by request_id, validation that stores nothing, claims.</summary>
public sealed class CaseReportingTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    [Fact]
    public async Task Report_NewPerson_GetReturnsTheSameSections()
    {
        using var police = await CasesApi.SignInAsync(hub, "police");
        var sections = SyntheticReports.Sections(SyntheticCases.Person(101));

        var reported = await police.ReportAsync(sections, localReference: "CID/2026/0001");
        var read = await police.GetAsync(reported.Case.CaseId);

        Assert.True(reported.Created);
        Assert.Matches("^MP-[0-9]{4}-[0-9]{6}$", read.CaseId);
        Assert.Equal(CaseStatus.Open, read.Status);
        Assert.Equal(sections.Identity, read.Sections.Identity);
        Assert.Equal(sections.Circumstances, read.Sections.Circumstances);
        var report = Assert.Single(read.Reports);
        Assert.Equal((police.AgencyId, "CID/2026/0001"), (report.AgencyId, report.LocalReference));
        Assert.Equal(reported.Case.Etag, read.Etag);
        Assert.Equal(["collector:" + police.AgencyId], read.Disclosure.Basis);
    }

    [Fact]
    public async Task Report_RetriedWithTheSameRequestId_ReturnsTheFirstResult()
    {
        using var police = await CasesApi.SignInAsync(hub, "police");
        var sections = SyntheticReports.Sections(SyntheticCases.Person(102));
        var requestId = CasesApi.NewRequestId();
        var before = await SeededCountAsync();

        var first = await police.ReportAsync(sections, requestId);
        var retry = await police.ReportAsync(sections, requestId);

        Assert.Equal(first.Case.CaseId, retry.Case.CaseId);
        Assert.True(retry.Created);
        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal(before + 1, await SeededCountAsync());
    }

    [Fact]
    public async Task Report_SameRequestIdWithAnotherReport_AlreadyExists()
    {
        using var police = await CasesApi.SignInAsync(hub, "police");
        var requestId = CasesApi.NewRequestId();
        await police.ReportAsync(SyntheticReports.Sections(SyntheticCases.Person(103)), requestId);

        var error = await Assert.ThrowsAsync<RpcException>(() => police.ReportAsync(SyntheticReports.Sections(SyntheticCases.Person(104)), requestId));

        Assert.Equal(StatusCode.AlreadyExists, error.Status.Code);
        Assert.NotEmpty(await CaseSeeder.DenialsAsync(hub, police.Agency, "ReportMissingPerson"));
    }

    public static TheoryData<string, string> InvalidReports() => new()
    {
        { "no request id", "request_id" },
        { "no identity", "sections.identity" },
        { "empty name", "sections.identity.names[0].full_name" },
        { "script contradicted", "sections.identity.names[0].script" },
        { "future birth", "sections.identity.date_of_birth.year" },
        { "31 February", "sections.identity.date_of_birth" },
        { "nationality", "sections.identity.nationality" },
        { "latitude", "sections.circumstances.latitude" },
        { "long narrative", "sections.circumstances.narrative" },
    };

    [Theory]
    [MemberData(nameof(InvalidReports))]
    public async Task Report_InvalidInput_InvalidArgumentNamingTheFieldAndNothingStored(string problem, string field)
    {
        using var police = await CasesApi.SignInAsync(hub, "police");
        var request = new ReportMissingPersonRequest { RequestId = CasesApi.NewRequestId(), Sections = SyntheticReports.Sections(SyntheticCases.Person(105)) };
        var identity = request.Sections.Identity;
        switch (problem)
        {
            case "no request id": request.RequestId = string.Empty; break;
            case "no identity": request.Sections.Identity = null; break;
            case "empty name": identity.Names[0].FullName = "  "; break;
            case "script contradicted": identity.Names.Clear(); identity.Names.Add(new PersonName { FullName = "محمد علي", Script = NameScript.Latin }); break;
            case "future birth": identity.DateOfBirth = new PartialDate { Year = DateTime.UtcNow.Year + 1 }; break;
            case "31 February": identity.DateOfBirth = new PartialDate { Year = 1990, Month = 2, Day = 31 }; break;
            case "nationality": identity.Nationality = "IRQ"; break;
            case "latitude": request.Sections.Circumstances.Latitude = 91; break;
            case "long narrative": request.Sections.Circumstances.Narrative = new string('x', 4001); break;
            default: throw new ArgumentOutOfRangeException(nameof(problem), problem, null);
        }

        var before = await SeededCountAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => police.ReportAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.Status.Code);
        Assert.Contains(field, error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await SeededCountAsync());
        await using var db = hub.Trust.OpenDb();
        Assert.False(await db.CaseReports.AnyAsync(r => r.AgencyId == police.AgencyId));
    }

    [Fact]
    public async Task Report_SectionOfAnUnclaimedCategory_PermissionDeniedNamingItAndAudited()
    {
        using var police = await CasesApi.SignInAsync(hub, "police");
        var sections = SyntheticReports.Sections(SyntheticCases.Person(106));
        sections.Genetic = new GeneticReferences { Samples = { new ReferenceSample { SampleReference = "S-1", DonorRelation = "mother" } } };

        var error = await Assert.ThrowsAsync<RpcException>(() => police.ReportAsync(sections));

        Assert.Equal(StatusCode.PermissionDenied, error.Status.Code);
        Assert.Contains(DataCategories.Genetic, error.Status.Detail, StringComparison.Ordinal);
        Assert.NotEmpty(await CaseSeeder.DenialsAsync(hub, police.Agency, "ReportMissingPerson"));
    }

    [Fact]
    public async Task Report_AttachedToAVisibleCase_FillsOnlyMissingSectionsAndKeepsBothReports()
    {
        using var police = await CasesApi.SignInAsync(hub, "police", categories: [DataCategories.Identity]);
        using var family = await CasesApi.SignInAsync(hub, "family", categories: [DataCategories.Identity, DataCategories.Circumstances]);
        var person = SyntheticReports.Sections(SyntheticCases.Person(107));
        var created = await police.ReportAsync(new CaseSections { Identity = person.Identity });
        await CaseSeeder.AcceptedReferralAsync(hub, created.Case.CaseId, police.AgencyId, family.AgencyId, categories: [DataCategories.Identity]);
        var otherIdentity = person.Identity.Clone();
        otherIdentity.Names[0] = new PersonName { FullName = "Someone Else", Script = NameScript.Latin };

        var attached = await family.ReportAsync(new CaseSections { Identity = otherIdentity, Circumstances = person.Circumstances }, caseId: created.Case.CaseId, localReference: "FAM-77");
        var read = await family.GetAsync(created.Case.CaseId);

        Assert.False(attached.Created);
        Assert.Equal([police.AgencyId, family.AgencyId], read.Reports.Select(r => r.AgencyId));
        Assert.Equal(person.Identity, read.Sections.Identity);
        Assert.Equal(person.Circumstances, read.Sections.Circumstances);
        var history = await family.HistoryAsync(created.Case.CaseId);
        Assert.Contains(history.Events, e => e.Description.Contains("not applied", StringComparison.Ordinal) && e.Description.Contains("identity", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Report_AttachedToACaseTheCallerCannotSee_NotFound()
    {
        using var police = await CasesApi.SignInAsync(hub, "police");
        using var stranger = await CasesApi.SignInAsync(hub, "stranger");
        var created = await police.ReportAsync(SyntheticReports.Sections(SyntheticCases.Person(108)));

        var error = await Assert.ThrowsAsync<RpcException>(() => stranger.ReportAsync(SyntheticReports.Sections(SyntheticCases.Person(108)), caseId: created.Case.CaseId));

        Assert.Equal(StatusCode.NotFound, error.Status.Code);
    }

    private async Task<int> SeededCountAsync() => await CaseSeeder.CountCasesAsync(hub);
}
