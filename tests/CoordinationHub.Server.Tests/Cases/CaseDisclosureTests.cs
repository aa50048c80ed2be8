using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Server.Tests.Cases;

/// <summary>
/// One case read by agencies with different claims and different referrals: each receives the
/// sections its claims, its basis and its purpose allow, is told what was withheld and why, and
/// each disclosure is in the audit log.
/// </summary>
public sealed class CaseDisclosureTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    private static readonly string[] AllButGenetic =
        [DataCategories.Identity, DataCategories.Circumstances, DataCategories.Contact, DataCategories.Antemortem, DataCategories.Location, DataCategories.Investigation];

    [Fact]
    public async Task GetCase_SameCaseByDifferentClaims_DifferentSectionsAndWithheldListed()
    {
        using var police = await CasesApi.SignInAsync(hub, "police", categories: AllButGenetic, purposes: [Purposes.Search, Purposes.CriminalInvestigation]);
        using var lab = await CasesApi.SignInAsync(hub, "lab", categories: [DataCategories.Identity, DataCategories.Antemortem], purposes: [Purposes.Identification]);
        using var ngo = await CasesApi.SignInAsync(hub, "ngo", categories: [DataCategories.Identity, DataCategories.Circumstances, DataCategories.Contact]);
        var sections = SyntheticReports.Sections(SyntheticCases.Person(501));
        sections.Contacts.Add(new FamilyContact { Name = "Amina", Relation = "mother", Phone = "+964 770 123 4567" });
        sections.Antemortem = new Antemortem { HeightCm = 172, DentalNotes = "gold crown upper left 6" };
        sections.Investigation = new Investigation { FileReference = "CID/2026/77", Notes = "seen at checkpoint" };
        var caseId = (await police.ReportAsync(sections)).Case.CaseId;
        await CaseSeeder.AcceptedReferralAsync(hub, caseId, police.AgencyId, lab.AgencyId, Purposes.Identification, [DataCategories.Identity, DataCategories.Antemortem]);
        await CaseSeeder.AcceptedReferralAsync(hub, caseId, police.AgencyId, ngo.AgencyId, Purposes.Search, [DataCategories.Identity]);

        var byPolice = await police.GetAsync(caseId);
        var byLab = await lab.GetAsync(caseId, Purpose.Identification);
        var byNgo = await ngo.GetAsync(caseId);

        // The reporter reads what it collected and claims.
        Assert.Equal(sections.Investigation, byPolice.Sections.Investigation);
        Assert.Single(byPolice.Sections.Contacts);
        Assert.Contains(byPolice.Disclosure.Withheld, w => w.Category == DataCategory.Genetic && w.Reason.Contains("no claim", StringComparison.Ordinal));

        // The laboratory reads what the referral for identification carries.
        Assert.Equal(sections.Antemortem, byLab.Sections.Antemortem);
        Assert.NotNull(byLab.Sections.Identity);
        Assert.Null(byLab.Sections.Circumstances);
        Assert.Null(byLab.Sections.Investigation);
        Assert.Contains(byLab.Disclosure.Withheld, w => w.Category == DataCategory.Circumstances && w.Reason.Contains("no claim", StringComparison.Ordinal));
        Assert.StartsWith("referral:", Assert.Single(byLab.Disclosure.Basis), StringComparison.Ordinal);

        // The NGO claims contacts but no grant gives it this family's: withheld, and it is told why.
        Assert.NotNull(byNgo.Sections.Identity);
        Assert.Empty(byNgo.Sections.Contacts);
        Assert.Null(byNgo.Sections.Circumstances);
        Assert.Contains(byNgo.Disclosure.Withheld, w => w.Category == DataCategory.Contact && w.Reason.Contains("no consent or legal authorisation", StringComparison.Ordinal));
        Assert.Equal([DataCategory.Identity], byNgo.Disclosure.Disclosed);

        var audited = await hub.Trust.AuditEntriesForAsync(ngo.Agency.Certificate);
        Assert.Contains(audited, e => e.Decision == AuditRecord.Allowed && e.Method.EndsWith("/GetCase", StringComparison.Ordinal)
            && e.Target == "case:" + caseId && e.Reason.Contains("disclosed for search: [identity]", StringComparison.Ordinal));

        // The structured fields an auditor filters on: the case, the purpose, the basis, and the categories each way.
        var labRead = Assert.Single(await hub.Trust.AuditEntriesForAsync(lab.Agency.Certificate), e => e.Method.EndsWith("/GetCase", StringComparison.Ordinal));
        Assert.Equal(caseId, labRead.CaseId);
        Assert.Equal(Purposes.Identification, labRead.Purpose);
        Assert.StartsWith("referral:", labRead.Basis, StringComparison.Ordinal);
        Assert.Equal([DataCategories.Antemortem, DataCategories.Identity], labRead.CategoriesDisclosed.Order(StringComparer.Ordinal));
        Assert.Contains(DataCategories.Genetic, labRead.CategoriesWithheld);
        Assert.DoesNotContain(DataCategories.Identity, labRead.CategoriesWithheld);
    }

    [Fact]
    public async Task GetCase_WithoutPurpose_InvalidArgumentAudited()
    {
        using var police = await CasesApi.SignInAsync(hub, "police");
        var caseId = (await police.ReportAsync(SyntheticReports.Sections(SyntheticCases.Person(502)))).Case.CaseId;

        var error = await Assert.ThrowsAsync<RpcException>(() => police.GetAsync(caseId, Purpose.Unspecified));

        Assert.Equal(StatusCode.InvalidArgument, error.Status.Code);
        Assert.Contains("purpose", error.Status.Detail, StringComparison.Ordinal);
        Assert.NotEmpty(await CaseSeeder.DenialsAsync(hub, police.Agency, "GetCase"));
    }

    [Fact]
    public async Task ListCases_PagesNewestFirstOnlyVisibleCases()
    {
        using var police = await CasesApi.SignInAsync(hub, "police");
        using var other = await CasesApi.SignInAsync(hub, "other");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await police.ReportAsync(SyntheticReports.Sections(SyntheticCases.Person(510 + i)))).Case.CaseId);
        }

        await other.ReportAsync(SyntheticReports.Sections(SyntheticCases.Person(520)));

        var seen = new List<string>();
        var token = string.Empty;
        do
        {
            var page = await police.ListAsync(pageSize: 2, pageToken: token);
            seen.AddRange(page.Cases.Select(c => c.CaseId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(Enumerable.Reverse(ids), seen);
    }
}
