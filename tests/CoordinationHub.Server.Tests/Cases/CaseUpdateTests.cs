using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Server.Tests.Cases;

/// <summary>UpdateCase on the version last read: stale etags and the loser of two concurrent writers get ABORTED.</summary>
public sealed class CaseUpdateTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    [Fact]
    public async Task Update_StatusAndSection_ChangedWithNewEtagAndHistory()
    {
        using var police = await CasesApi.SignInAsync(hub, "police");
        var created = await police.ReportAsync(SyntheticReports.Sections(SyntheticCases.Person(301)));
        var place = new LastSeen { Place = "Sabha, market", Country = "LY", Context = DisappearanceContext.MigrationRoute };

        var updated = await police.UpdateAsync(created.Case.CaseId, created.Case.Etag, new CaseSections { Circumstances = place }, CaseStatus.LocatedAlive, "status", "sections.circumstances");

        Assert.Equal(CaseStatus.LocatedAlive, updated.Status);
        Assert.Equal(place, updated.Sections.Circumstances);
        Assert.NotEqual(created.Case.Etag, updated.Etag);
        Assert.Equal(updated.Etag, (await police.GetAsync(created.Case.CaseId)).Etag);
        var history = await police.HistoryAsync(created.Case.CaseId);
        Assert.Equal(2, history.Events.Count);
        Assert.Contains("LOCATED_ALIVE", history.Events[1].Description, StringComparison.Ordinal);
        Assert.Equal([DataCategory.Circumstances], history.Events[1].Categories);
    }

    [Fact]
    public async Task Update_StaleEtag_Aborted()
    {
        using var police = await CasesApi.SignInAsync(hub, "police");
        var created = await police.ReportAsync(SyntheticReports.Sections(SyntheticCases.Person(302)));
        await police.UpdateAsync(created.Case.CaseId, created.Case.Etag, status: CaseStatus.LocatedAlive, paths: "status");

        var error = await Assert.ThrowsAsync<RpcException>(() => police.UpdateAsync(created.Case.CaseId, created.Case.Etag, status: CaseStatus.Closed, paths: "status"));

        Assert.Equal(StatusCode.Aborted, error.Status.Code);
        Assert.Equal(CaseStatus.LocatedAlive, (await police.GetAsync(created.Case.CaseId)).Status);
    }

    [Fact]
    public async Task Update_TwoConcurrentWritersWithTheSameEtag_ExactlyOneSucceeds()
    {
        using var police = await CasesApi.SignInAsync(hub, "police");
        using var second = new CasesApi(police.Agency, hub.Client.OpenChannel(police.Agency.Certificate), await hub.Client.GetTokenAsync(police.Agency.Certificate, police.AgencyId));
        var created = await police.ReportAsync(SyntheticReports.Sections(SyntheticCases.Person(303)));

        for (var round = 0; round < 5; round++)
        {
            var etag = (await police.GetAsync(created.Case.CaseId)).Etag;
            var a = police.UpdateAsync(created.Case.CaseId, etag, status: round % 2 == 0 ? CaseStatus.LocatedAlive : CaseStatus.Open, paths: "status");
            var b = second.UpdateAsync(created.Case.CaseId, etag, status: CaseStatus.IdentifiedDeceased, paths: "status");
            var outcomes = await Task.WhenAll(Outcome(a), Outcome(b));

            Assert.Equal(1, outcomes.Count(o => o == StatusCode.OK));
            Assert.Equal(1, outcomes.Count(o => o == StatusCode.Aborted));
        }
    }

    [Fact]
    public async Task Update_WithoutEtag_InvalidArgument()
    {
        using var police = await CasesApi.SignInAsync(hub, "police");
        var created = await police.ReportAsync(SyntheticReports.Sections(SyntheticCases.Person(304)));

        var error = await Assert.ThrowsAsync<RpcException>(() => police.UpdateAsync(created.Case.CaseId, etag: "", status: CaseStatus.Closed, paths: "status"));

        Assert.Equal(StatusCode.InvalidArgument, error.Status.Code);
        Assert.Contains("etag", error.Status.Detail, StringComparison.Ordinal);
    }

    private static async Task<StatusCode> Outcome(Task<Case> call)
    {
        try
        {
            await call;
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.Status.Code;
        }
    }
}
