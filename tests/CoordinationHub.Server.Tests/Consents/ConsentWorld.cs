using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Tests.Cases;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Tests.Consents;

/// <summary>
/// The agencies of the consent scenarios, as the design brief names them: a family association that
/// collects reports, reference samples and consent forms; a DNA laboratory; a foreign ministry;
/// forensic medicine; a court. Each reads the case through an accepted referral (visibility) and
/// sees what its claims, the case's grants and its purpose allow.
/// </summary>
internal sealed class ConsentWorld(HubTestHost hub)
{
    public static readonly string[] CollectorScopes = [Scopes.CasesRead, Scopes.CasesWrite, Scopes.ConsentRead, Scopes.ConsentWrite];
    public static readonly string[] ReaderScopes = [Scopes.CasesRead, Scopes.ConsentRead];

    public Task<TestAgency> FamilyAssociationAsync(string prefix = "family-assoc") => hub.Trust.RegisterAgencyAsync(
        prefix, CollectorScopes,
        categories: [DataCategories.Identity, DataCategories.Circumstances, DataCategories.Contact, DataCategories.Antemortem, DataCategories.Genetic],
        purposes: [Purposes.Search, Purposes.Identification], kind: "FAMILY_ASSOCIATION");

    public Task<TestAgency> DnaLabAsync() => hub.Trust.RegisterAgencyAsync(
        "dna-lab", ReaderScopes, categories: [DataCategories.Identity, DataCategories.Antemortem, DataCategories.Genetic],
        purposes: [Purposes.Identification], kind: "FORENSIC_LABORATORY");

    public Task<TestAgency> ForeignMinistryAsync() => hub.Trust.RegisterAgencyAsync(
        "foreign-ministry", ReaderScopes, categories: [DataCategories.Identity, DataCategories.Circumstances, DataCategories.Contact],
        purposes: [Purposes.Search], kind: "FOREIGN_AFFAIRS");

    public Task<TestAgency> ForensicMedicineAsync() => hub.Trust.RegisterAgencyAsync(
        "forensic-med", ReaderScopes, categories: [DataCategories.Identity, DataCategories.Antemortem],
        purposes: [Purposes.Identification], kind: "HEALTH");

    public Task<TestAgency> CourtAsync() => hub.Trust.RegisterAgencyAsync(
        "court", [Scopes.AuthorisationsWrite, Scopes.ConsentRead], categories: [], purposes: [], kind: "JUSTICE");

    /// <summary>A case reported by <paramref name="collector"/> with identity, circumstances, contacts, ante-mortem and genetic sections.</summary>
    public async Task<(string CaseId, CaseSections Sections)> ReportCaseAsync(TestAgency collector, int seed)
    {
        var sections = SyntheticReports.Sections(SyntheticCases.Person(seed));
        sections.Contacts.Add(new FamilyContact { Name = "Amina", Relation = "mother", Phone = "+218 91 123 4567" });
        sections.Antemortem = new Antemortem { HeightCm = 168, DentalNotes = "missing lower left 6" };
        sections.Genetic = new GeneticReferences { Samples = { new ReferenceSample { SampleReference = "REF-S-1", LaboratoryAgencyId = "dna-lab", DonorRelation = "mother" } } };
        using var cases = await CasesApiFor(collector);
        var reported = await cases.ReportAsync(sections);
        return (reported.Case.CaseId, sections);
    }

    /// <summary>An accepted referral of the case to <paramref name="to"/>: the case becomes visible to it, disclosing only the referral's own categories.</summary>
    public Task ReferAsync(string caseId, TestAgency from, TestAgency to, string purpose, params string[] categories) =>
        CaseSeeder.AcceptedReferralAsync(hub, caseId, from.AgencyId, to.AgencyId, purpose, categories);

    public async Task<DisclosureGrantRecord> StoredAsync(string grantId)
    {
        var id = Guid.Parse(grantId);
        await using var db = hub.Trust.OpenDb();
        return await db.DisclosureGrants.AsNoTracking().SingleAsync(g => g.GrantId == id);
    }

    public async Task<int> CountGrantsAsync(string caseId)
    {
        await using var db = hub.Trust.OpenDb();
        return await db.DisclosureGrants.CountAsync(g => g.CaseId == caseId);
    }

    private async Task<CasesApi> CasesApiFor(TestAgency agency) =>
        new(agency, hub.Client.OpenChannel(agency.Certificate), await hub.Client.GetTokenAsync(agency.Certificate, agency.AgencyId));
}
