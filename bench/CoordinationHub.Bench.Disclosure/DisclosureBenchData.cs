using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Disclosure;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Services.Cases;

namespace CoordinationHub.Bench.Disclosure;

/// <summary>
/// The benchmark's world: a DNA laboratory (the bench client) reading cases a family association
/// reported and referred to it for identification (identity only). Each case carries what a real
/// one would: two consents in force (genetic and ante-mortem to every laboratory; contacts to
/// another agency), one withdrawn consent and one court order, so the policy has grants to weigh.
/// </summary>
internal static class DisclosureBenchData
{
    public const string Reader = "bench-agency";
    private const string Reporter = "bench-family-assoc";

    public static async Task<List<string>> SeedAsync(string connectionString, Auth.BenchPki pki, int cases)
    {
        await using var db = HubDatabase.Open(connectionString);
        await HubDatabase.MigrateAsync(db, CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        db.Agencies.Add(new AgencyRecord
        {
            AgencyId = Reader, DisplayName = "Bench DNA laboratory", Kind = "FORENSIC_LABORATORY", Scopes = [Scopes.CasesRead],
            DataCategories = [DataCategories.Identity, DataCategories.Antemortem, DataCategories.Genetic], Purposes = [Purposes.Identification],
        });
        db.Agencies.Add(new AgencyRecord { AgencyId = Reporter, DisplayName = "Bench family association", Kind = "FAMILY_ASSOCIATION", Scopes = [Scopes.CasesWrite] });
        db.Certificates.Add(Audit.BenchHubs.ClientCertificate(pki, Reader));
        var ids = new List<string>(cases);
        for (var i = 0; i < cases; i++)
        {
            var caseId = $"MP-2026-{i + 1:D6}";
            ids.Add(caseId);
            var record = new CaseRecord { CaseId = caseId, Status = "OPEN", CreatedAt = now, UpdatedAt = now };
            var sections = Sections(i);
            CaseSectionColumns.Write(record, sections, CaseSectionColumns.CategoriesIn(sections));
            db.Cases.Add(record);
            db.CaseReports.Add(new CaseReportRecord
            {
                CaseId = caseId, AgencyId = Reporter, LocalReference = "FA/" + i, ReportedAt = now, RequestId = "seed-" + i,
                RequestHash = new string('0', 64), CreatedCase = true, OriginalCaseId = caseId,
            });
            db.Referrals.Add(new ReferralRecord
            {
                ReferralId = Guid.CreateVersion7(), CaseId = caseId, FromAgencyId = Reporter, ToAgencyId = Reader, Purpose = Purposes.Identification,
                DataCategories = [DataCategories.Identity], Reason = "identify remains", DueAt = now.AddDays(30), State = Domain.Referrals.ReferralState.Accepted,
                CreatedAt = now, UpdatedAt = now, RequestId = "seed-" + i, RequestHash = new string('0', 64),
            });
            db.DisclosureGrants.AddRange(
                Grant(caseId, i, DisclosureGrantKind.Consent, "mother", [Purposes.Identification], [DataCategories.Genetic, DataCategories.Antemortem], [], ["FORENSIC_LABORATORY"], now, withdrawn: false),
                Grant(caseId, i, DisclosureGrantKind.Consent, "father", [Purposes.Search], [DataCategories.Contact], ["bench-ngo"], [], now, withdrawn: false),
                Grant(caseId, i, DisclosureGrantKind.Consent, "brother", [Purposes.Identification], [DataCategories.Contact], [Reader], [], now, withdrawn: true),
                Grant(caseId, i, DisclosureGrantKind.LegalAuthorisation, string.Empty, [Purposes.Identification], [DataCategories.Location], [], ["HEALTH"], now, withdrawn: false));
        }

        await db.SaveChangesAsync();
        return ids;
    }

    private static CaseSections Sections(int i) => new()
    {
        Identity = new PersonIdentity { Names = { new PersonName { FullName = $"Ahmed Ali Hassan {i}", Script = NameScript.Latin } }, Sex = Sex.Male, Nationality = "LY" },
        Circumstances = new LastSeen { Place = "Sabha", Context = DisappearanceContext.MigrationRoute },
        Contacts = { new FamilyContact { Name = "Amina", Relation = "mother", Phone = "+218 91 123 4567" } },
        Antemortem = new Antemortem { HeightCm = 170, DentalNotes = "gold crown upper left 6" },
        Genetic = new GeneticReferences { Samples = { new ReferenceSample { SampleReference = "S-" + i, LaboratoryAgencyId = Reader, DonorRelation = "mother" } } },
    };

    private static DisclosureGrantRecord Grant(
        string caseId, int i, DisclosureGrantKind kind, string relation, List<string> purposes, List<string> categories, List<string> agencies, List<string> kinds, DateTimeOffset now, bool withdrawn) => new()
    {
        GrantId = Guid.CreateVersion7(),
        CaseId = caseId,
        Kind = kind,
        Origin = kind == DisclosureGrantKind.Consent ? "FamilyMember" : "CourtOrder",
        GiverRelation = relation,
        Reference = $"FORM/{i}/{relation}",
        RecordedByAgencyId = Reporter,
        Purposes = purposes,
        DataCategories = categories,
        RecipientAgencyIds = agencies,
        RecipientKinds = kinds,
        ValidFrom = now.AddMinutes(-1),
        ValidUntil = kind == DisclosureGrantKind.LegalAuthorisation ? now.AddDays(90) : null,
        WithdrawnAt = withdrawn ? now : null,
        CreatedAt = now,
        RequestId = $"seed-{i}-{relation}-{kind}",
        RequestHash = new string('0', 64),
    };
}
