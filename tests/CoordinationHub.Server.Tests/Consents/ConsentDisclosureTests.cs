using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Server.Services.Notifications;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Tests.Consents;

/// <summary>
/// One case read over gRPC by four agencies with different claims, referrals and grants: each gets
/// its own view, cut to claims ∩ (consent ∪ authorisation) ∩ purpose; a withdrawal shrinks the next
/// read; every decision is audited with its basis.
/// </summary>
public sealed class ConsentDisclosureTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    private readonly ConsentWorld world = new(hub);

    [Fact]
    public async Task GetCase_FourAgenciesWithDifferentClaimsAndGrants_FourDifferentViews()
    {
        var (collector, lab, ministry, medicine, caseId) = await SetUpAsync(seed: 901);
        using var ngo = await ConsentsApi.SignInAsync(hub, collector);
        using var labApi = await ConsentsApi.SignInAsync(hub, lab);
        using var ministryApi = await ConsentsApi.SignInAsync(hub, ministry);
        using var medicineApi = await ConsentsApi.SignInAsync(hub, medicine);
        var consent = await ngo.RecordAsync(ConsentsApi.NewConsent(caseId, ConsentsApi.Scope(Purpose.Identification, [DataCategory.Genetic, DataCategory.Antemortem], kinds: [AgencyKind.ForensicLaboratory])));
        using var court = await ConsentsApi.SignInAsync(hub, await world.CourtAsync());
        var order = await court.RecordAsync(ConsentsApi.NewCourtOrder(caseId, ConsentsApi.Scope(Purpose.Identification, [DataCategory.Antemortem], kinds: [AgencyKind.Health])));

        var byCollector = await ngo.GetCaseAsync(caseId, Purpose.Search);
        var byLab = await labApi.GetCaseAsync(caseId, Purpose.Identification);
        var byMinistry = await ministryApi.GetCaseAsync(caseId, Purpose.Search);
        var byMedicine = await medicineApi.GetCaseAsync(caseId, Purpose.Identification);

        // The collector reads everything it collected and claims, on its own basis.
        Assert.Equal([DataCategory.Identity, DataCategory.Circumstances, DataCategory.Contact, DataCategory.Antemortem, DataCategory.Genetic], Disclosed(byCollector));
        Assert.NotNull(byCollector.Sections.Genetic);

        // The DNA laboratory: identity by the referral, genetic and ante-mortem by the family's consent.
        Assert.Equal([DataCategory.Identity, DataCategory.Antemortem, DataCategory.Genetic], Disclosed(byLab));
        Assert.Equal("REF-S-1", Assert.Single(byLab.Sections.Genetic.Samples).SampleReference);
        Assert.Contains("consent:" + consent.ConsentId, byLab.Disclosure.Basis);

        // The foreign ministry: identity only; it claims contacts and circumstances but nothing grants them.
        Assert.Equal([DataCategory.Identity], Disclosed(byMinistry));
        Assert.Null(byMinistry.Sections.Circumstances);
        Assert.Empty(byMinistry.Sections.Contacts);
        Assert.Null(byMinistry.Sections.Genetic);
        Assert.Contains(byMinistry.Disclosure.Withheld, w => w.Category == DataCategory.Contact && w.Reason.Contains("no consent or legal authorisation", StringComparison.Ordinal));

        // Forensic medicine: identity by the referral, ante-mortem by the court order; genetic it does not claim.
        Assert.Equal([DataCategory.Identity, DataCategory.Antemortem], Disclosed(byMedicine));
        Assert.Equal(168, byMedicine.Sections.Antemortem.HeightCm);
        Assert.Null(byMedicine.Sections.Genetic);
        Assert.Contains("authorisation:" + order.AuthorisationId, byMedicine.Disclosure.Basis);

        var audited = await hub.Trust.AuditEntriesForAsync(lab.Certificate);
        Assert.Contains(audited, e => e.Decision == AuditRecord.Allowed && e.Method.EndsWith("/GetCase", StringComparison.Ordinal)
            && e.Target == "case:" + caseId && e.Reason.Contains("[antemortem genetic identity]", StringComparison.Ordinal) && e.Reason.Contains("consent:" + consent.ConsentId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithdrawConsent_NextReadByRecipient_GeneticWithheldAsWithdrawnAndAudited()
    {
        var (collector, lab, _, _, caseId) = await SetUpAsync(seed: 902);
        using var ngo = await ConsentsApi.SignInAsync(hub, collector);
        using var labApi = await ConsentsApi.SignInAsync(hub, lab);
        var consent = await ngo.RecordAsync(ConsentsApi.NewConsent(caseId, ConsentsApi.Scope(Purpose.Identification, [DataCategory.Genetic], agencies: [lab.AgencyId])));
        Assert.Contains(DataCategory.Genetic, (await labApi.GetCaseAsync(caseId, Purpose.Identification)).Disclosure.Disclosed);

        var withdrawn = await ngo.WithdrawAsync(consent.ConsentId);
        var after = await labApi.GetCaseAsync(caseId, Purpose.Identification);

        Assert.Equal(GrantState.Withdrawn, withdrawn.State);
        Assert.Null(after.Sections.Genetic);
        Assert.Equal([DataCategory.Identity], Disclosed(after));
        Assert.Contains(after.Disclosure.Withheld, w => w.Category == DataCategory.Genetic && w.Reason.Contains("withdrawn", StringComparison.Ordinal));
        var audited = await hub.Trust.AuditEntriesForAsync(lab.Certificate);
        Assert.Contains(audited, e => e.Method.EndsWith("/GetCase", StringComparison.Ordinal) && e.Reason.Contains("genetic: the consent covering genetic for identification was withdrawn", StringComparison.Ordinal));

        // The laboratory, which holds a stake in the case, is notified in the withdrawal's transaction, without a case view.
        await using var db = hub.Trust.OpenDb();
        var notice = Assert.Single(await db.Notifications.AsNoTracking()
            .Where(n => n.RecipientAgencyId == lab.AgencyId && n.CaseId == caseId && n.Kind == NotificationMapping.KindName(NotificationKind.ConsentWithdrawn)).ToListAsync());
        var payload = Notification.Parser.ParseFrom(notice.Payload);
        Assert.Contains(consent.ConsentId, payload.Summary, StringComparison.Ordinal);
        Assert.Null(payload.Case);
        Assert.Empty(await db.Notifications.AsNoTracking().Where(n => n.RecipientAgencyId == collector.AgencyId && n.Kind == notice.Kind).ToListAsync());
    }

    [Fact]
    public async Task ListAndSearchCases_CutByConsentAndEachDecisionAudited()
    {
        var (collector, lab, _, _, caseId) = await SetUpAsync(seed: 903);
        using var ngo = await ConsentsApi.SignInAsync(hub, collector);
        await ngo.RecordAsync(ConsentsApi.NewConsent(caseId, ConsentsApi.Scope(Purpose.Identification, [DataCategory.Genetic], agencies: [lab.AgencyId])));
        using var labCases = new Cases.CasesApi(lab, hub.Client.OpenChannel(lab.Certificate), await hub.Client.GetTokenAsync(lab.Certificate, lab.AgencyId));
        var name = (await ngo.GetCaseAsync(caseId, Purpose.Search)).Sections.Identity.Names[0].FullName;

        var listed = (await labCases.ListAsync(purpose: Purpose.Identification)).Cases.Single(c => c.CaseId == caseId);
        var found = (await labCases.SearchAsync(name, purpose: Purpose.Identification)).Results.Single(r => r.Case.CaseId == caseId).Case;

        Assert.Equal([DataCategory.Identity, DataCategory.Genetic], Disclosed(listed));
        Assert.Equal([DataCategory.Identity, DataCategory.Genetic], Disclosed(found));
        Assert.Null(listed.Sections.Antemortem);
        var audited = await hub.Trust.AuditEntriesForAsync(lab.Certificate);
        Assert.Contains(audited, e => e.Method.EndsWith("/ListCases", StringComparison.Ordinal) && e.Target == "case:" + caseId && e.Reason.Contains("[genetic identity]", StringComparison.Ordinal));
        Assert.Contains(audited, e => e.Method.EndsWith("/SearchCases", StringComparison.Ordinal) && e.Target == "case:" + caseId && e.Reason.Contains("[genetic identity]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetCase_ConsentForIdentification_NotUsableForAnotherPurposeOrByAnotherAgency()
    {
        var (collector, lab, ministry, _, caseId) = await SetUpAsync(seed: 904);
        using var ngo = await ConsentsApi.SignInAsync(hub, collector);
        using var ministryApi = await ConsentsApi.SignInAsync(hub, ministry);
        await ngo.RecordAsync(ConsentsApi.NewConsent(caseId, ConsentsApi.Scope(Purpose.Identification, [DataCategory.Contact], agencies: [lab.AgencyId])));
        await ngo.RecordAsync(ConsentsApi.NewConsent(caseId, ConsentsApi.Scope(Purpose.FamilyRights, [DataCategory.Contact], agencies: [ministry.AgencyId]), relation: "father"));

        var byMinistry = await ministryApi.GetCaseAsync(caseId, Purpose.Search);

        // Consents to the laboratory, and for family rights, do not open the contacts for a search by the ministry.
        Assert.Empty(byMinistry.Sections.Contacts);
        Assert.Equal([DataCategory.Identity], Disclosed(byMinistry));
    }

    // Disclosed categories in the enum's order (the response lists them by name).
    private static DataCategory[] Disclosed(Case view) => [.. view.Disclosure.Disclosed.Order()];

    // A case reported by a family association, referred (identity only) to a laboratory, a ministry and forensic medicine.
    private async Task<(TestAgency Collector, TestAgency Lab, TestAgency Ministry, TestAgency Medicine, string CaseId)> SetUpAsync(int seed)
    {
        var collector = await world.FamilyAssociationAsync();
        var lab = await world.DnaLabAsync();
        var ministry = await world.ForeignMinistryAsync();
        var medicine = await world.ForensicMedicineAsync();
        var (caseId, _) = await world.ReportCaseAsync(collector, seed);
        await world.ReferAsync(caseId, collector, lab, Purposes.Identification, DataCategories.Identity);
        await world.ReferAsync(caseId, collector, ministry, Purposes.Search, DataCategories.Identity);
        await world.ReferAsync(caseId, collector, medicine, Purposes.Identification, DataCategories.Identity);
        return (collector, lab, ministry, medicine, caseId);
    }
}
