using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Server.Tests.Cases;

/// <summary>
/// An accepted referral opens a case only until it is due. Past its due time it is expired, even
/// while the expiry sweep has not yet stored that: the case is gone for the recipient at once.
/// </summary>
public sealed class OverdueReferralAccessTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    [Fact]
    public async Task GetCase_AcceptedReferralPastItsDueTime_NotFoundBeforeTheSweepRuns()
    {
        using var police = await CasesApi.SignInAsync(hub, "police");
        using var lab = await CasesApi.SignInAsync(hub, "lab", categories: [DataCategories.Identity], purposes: [Purposes.Search]);
        var caseId = (await police.ReportAsync(SyntheticReports.Sections(SyntheticCases.Person(901)))).Case.CaseId;
        await CaseSeeder.AcceptedReferralAsync(hub, caseId, police.AgencyId, lab.AgencyId, dueAt: DateTimeOffset.UtcNow.AddMinutes(-1));
        using var live = await CasesApi.SignInAsync(hub, "ngo", categories: [DataCategories.Identity]);
        await CaseSeeder.AcceptedReferralAsync(hub, caseId, police.AgencyId, live.AgencyId);

        var error = await Assert.ThrowsAsync<RpcException>(() => lab.GetAsync(caseId));
        var stillOpen = await live.GetAsync(caseId);

        Assert.Equal(StatusCode.NotFound, error.Status.Code);
        Assert.Equal(caseId, stillOpen.CaseId);
        Assert.DoesNotContain((await lab.ListAsync()).Cases, c => c.CaseId == caseId);
    }
}
