using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Matching;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Services.Cases;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Server.Tests.Cases;

/// <summary>
/// The same generated person reported in Arabic script by one agency and in Latin script by another:
/// flagged (never merged) with reasons, shown in full only to an agency that sees both cases, then
/// merged or dismissed by such an agency.
/// </summary>
public sealed class CaseDuplicateTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    [Fact]
    public async Task Report_SamePersonInArabicThenLatinByAnotherAgency_FlaggedWithReasonsButOtherCaseWithheld()
    {
        var (arabic, latin) = SyntheticCases.ArabicThenLatin(seed: 201);
        using var police = await CasesApi.SignInAsync(hub, "police");
        using var ngo = await CasesApi.SignInAsync(hub, "ngo");

        var first = await police.ReportAsync(SyntheticReports.Sections(arabic));
        var second = await ngo.ReportAsync(SyntheticReports.Sections(latin));

        Assert.True(second.Created);
        Assert.NotEqual(first.Case.CaseId, second.Case.CaseId);
        var flag = Assert.Single(second.PossibleDuplicates);
        Assert.Equal(DuplicateFlagState.Open, flag.State);
        Assert.InRange(flag.Score, 0.72, 1.0);

        // The NGO cannot see the police case: it learns that a flag exists, not the case nor its names.
        Assert.Equal(string.Empty, flag.OtherCaseId);
        Assert.Equal(["a possible duplicate was flagged for review by an authorised agency"], flag.Reasons);

        // An agency that sees both reads the flag in full, with the reasons a reviewer needs.
        await CaseSeeder.AcceptedReferralAsync(hub, second.Case.CaseId, ngo.AgencyId, police.AgencyId);
        var seenByPolice = await police.GetAsync(first.Case.CaseId);
        var full = Assert.Single(seenByPolice.DuplicateFlags);
        Assert.Equal(second.Case.CaseId, full.OtherCaseId);
        Assert.Contains(full.Reasons, r => r.Contains("name", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(CaseStatus.Open, (await police.GetAsync(first.Case.CaseId)).Status);
    }

    [Fact]
    public async Task Resolve_Merge_SurvivorCarriesBothReportsAndTheOtherCaseIsClosed()
    {
        var (police, ngo, first, second, flagId) = await FlaggedPairAsync(seed: 202);
        using (police)
        using (ngo)
        {
            var survivor = await police.ResolveAsync(first, flagId, DuplicateResolution.Merge, "same person: family confirmed");

            Assert.Equal([police.AgencyId, ngo.AgencyId], survivor.Reports.Select(r => r.AgencyId));
            Assert.Equal(DuplicateFlagState.Merged, Assert.Single(survivor.DuplicateFlags).State);

            // The NGO's report moved with it: the NGO now reads the survivor, and its own closed case points there.
            var closed = await ngo.GetAsync(second);
            Assert.Equal(CaseStatus.Closed, closed.Status);
            Assert.Equal(first, closed.MergedIntoCaseId);
            Assert.Equal([police.AgencyId, ngo.AgencyId], (await ngo.GetAsync(first)).Reports.Select(r => r.AgencyId));
            Assert.Contains((await police.HistoryAsync(second)).Events, e => e.Description.Contains($"merged into {first}", StringComparison.Ordinal));

            var again = await Assert.ThrowsAsync<RpcException>(() => police.ResolveAsync(first, flagId, DuplicateResolution.Dismiss));
            Assert.Equal(StatusCode.FailedPrecondition, again.Status.Code);
        }
    }

    [Fact]
    public async Task Resolve_Dismiss_FlagDismissedBothCasesStayOpen()
    {
        var (police, ngo, first, second, flagId) = await FlaggedPairAsync(seed: 203);
        using (police)
        using (ngo)
        {
            var kept = await police.ResolveAsync(first, flagId, DuplicateResolution.Dismiss, "different fathers per family interview");

            Assert.Equal(DuplicateFlagState.Dismissed, Assert.Single(kept.DuplicateFlags).State);
            Assert.Equal(CaseStatus.Open, kept.Status);
            Assert.Equal(CaseStatus.Open, (await ngo.GetAsync(second)).Status);
            Assert.Single((await ngo.GetAsync(second)).Reports);

            var again = await Assert.ThrowsAsync<RpcException>(() => police.ResolveAsync(first, flagId, DuplicateResolution.Merge));
            Assert.Equal(StatusCode.FailedPrecondition, again.Status.Code);
        }
    }

    [Fact]
    public async Task Resolve_ByAnAgencyThatSeesOnlyOneCase_NotFound()
    {
        var (police, ngo, _, second, flagId) = await FlaggedPairAsync(seed: 204);
        using (police)
        using (ngo)
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => ngo.ResolveAsync(second, flagId, DuplicateResolution.Merge));

            Assert.Equal(StatusCode.NotFound, error.Status.Code);
            Assert.NotEmpty(await CaseSeeder.DenialsAsync(hub, ngo.Agency, "ResolveDuplicate"));
        }
    }

    [Fact]
    public async Task Search_LatinSpellingOfAnArabicReport_FindsTheCaseRankedFirst()
    {
        var (arabic, latin) = SyntheticCases.ArabicThenLatin(seed: 205);
        using var police = await CasesApi.SignInAsync(hub, "police");
        var created = await police.ReportAsync(SyntheticReports.Sections(arabic));

        var found = await police.SearchAsync(latin.Names[0].Text);

        Assert.Equal(created.Case.CaseId, found.Results[0].Case.CaseId);
        Assert.NotEmpty(found.Results[0].Reasons);
    }

    [Fact]
    public async Task Candidates_QueryWithoutBirthYear_AreRankedByNameSimilarityNotByAge()
    {
        // Until 2026-11-24 a query without a birth year ranked equally named candidates by their
        // own birth year, oldest first, so the 50 kept among many namesakes were the oldest, not
        // the most alike. The exact namesake is the younger one here, and must come first.
        using var police = await CasesApi.SignInAsync(hub, "police");
        var exact = await police.ReportAsync(new CaseSections { Identity = Born("Zubair Fadlallah Qurashi", 1990) });
        var longer = await police.ReportAsync(new CaseSections { Identity = Born("Zubair Fadlallah Qurashi Tantawi", 1950) });
        var keys = CandidateKeyBuilder.For(CasePersonDescription.From(new PersonIdentity { Names = { new PersonName { FullName = "Zubair Fadlallah Qurashi" } } }, null)).TokenKeys;

        await using var db = hub.Trust.OpenDb();
        var found = await DuplicateCandidateQuery.FindAsync(db, keys, excludeCaseId: null, visibleTo: null, limit: 2, birthYear: null, track: false, CancellationToken.None);

        Assert.Equal([exact.Case.CaseId, longer.Case.CaseId], found.Select(c => c.CaseId));
    }

    private static PersonIdentity Born(string name, int year) =>
        new() { Names = { new PersonName { FullName = name } }, DateOfBirth = new PartialDate { Year = year, Month = 5, Day = 1 } };

    /// <summary>Police reports in Arabic, the NGO in Latin; the police also holds an accepted referral on the NGO's case, so it sees both.</summary>
    private async Task<(CasesApi Police, CasesApi Ngo, string First, string Second, string FlagId)> FlaggedPairAsync(int seed)
    {
        var (arabic, latin) = SyntheticCases.ArabicThenLatin(seed);
        var police = await CasesApi.SignInAsync(hub, "police");
        var ngo = await CasesApi.SignInAsync(hub, "ngo", categories: [DataCategories.Identity, DataCategories.Circumstances, DataCategories.Contact]);
        var first = await police.ReportAsync(SyntheticReports.Sections(arabic));
        var latinSections = SyntheticReports.Sections(latin);
        latinSections.Contacts.Add(new FamilyContact { Name = "Fatima", Relation = "mother", Phone = "+218 91 123 4567" });
        var second = await ngo.ReportAsync(latinSections);
        var flag = Assert.Single(second.PossibleDuplicates);
        await CaseSeeder.AcceptedReferralAsync(hub, second.Case.CaseId, ngo.AgencyId, police.AgencyId);
        return (police, ngo, first.Case.CaseId, second.Case.CaseId, flag.FlagId);
    }
}
