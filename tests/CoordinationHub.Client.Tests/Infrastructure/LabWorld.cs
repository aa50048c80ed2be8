using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Client.Tests.Infrastructure;

/// <summary>
/// One case and the agencies of an identification: the ministry that reported it, a laboratory and
/// a judicial body that each hold an accepted referral. Every identification the laboratory reports
/// is a notification to the ministry and the judge: the stream the subscription tests read.
/// </summary>
internal sealed record LabWorld(string CaseId, TestAgency Ministry, TestAgency Laboratory, TestAgency Judicial)
{
    public static async Task<LabWorld> CreateAsync(HubTestHost hub)
    {
        string[] identification = [Purposes.Identification, Purposes.Search];
        string[] forensic = [DataCategories.Identity, DataCategories.Genetic, DataCategories.Antemortem];
        var ministry = await hub.Trust.RegisterAgencyAsync("sdk-ministry", [Scopes.IdentificationsRead, Scopes.NotificationsSubscribe],
            categories: [DataCategories.Identity, DataCategories.Circumstances], purposes: identification, kind: "MINISTRY");
        var laboratory = await hub.Trust.RegisterAgencyAsync("sdk-lab", [Scopes.IdentificationsRead, Scopes.IdentificationsReport, Scopes.NotificationsSubscribe],
            categories: forensic, purposes: identification, kind: "FORENSIC_LABORATORY");
        var judicial = await hub.Trust.RegisterAgencyAsync("sdk-judge", [Scopes.IdentificationsRead, Scopes.IdentificationsConfirm, Scopes.NotificationsSubscribe],
            categories: forensic, purposes: identification, kind: "JUDICIAL_AUTHORITY");
        var caseId = await CaseRecordSeeder.ReportCaseAsync(hub.Trust, ministry.AgencyId);
        await CaseRecordSeeder.ReferForIdentificationAsync(hub.Trust, caseId, ministry.AgencyId, laboratory.AgencyId);
        await CaseRecordSeeder.ReferForIdentificationAsync(hub.Trust, caseId, ministry.AgencyId, judicial.AgencyId);
        return new LabWorld(caseId, ministry, laboratory, judicial);
    }

    /// <summary>A DNA kinship match on the case, with a fresh <c>request_id</c> unless one is given.</summary>
    public ReportIdentificationRequest Report(string? requestId = null) => new()
    {
        RequestId = requestId ?? Guid.NewGuid().ToString("N"),
        CaseId = CaseId,
        Site = "Mass grave site B-12, Sinjar",
        SampleReference = "LAB-2026-0042-F",
        Method = IdentificationMethod.DnaKinship,
        Statistics = new MatchStatistics { LikelihoodRatio = 1.2e9, PosteriorProbability = 0.9999, PointsCompared = 23 },
        MatchedPerson = MatchedPerson.Deceased,
    };

    public async Task<int> IdentificationCountAsync(HubTestHost hub)
    {
        await using var db = hub.Trust.OpenDb();
        return db.Identifications.Count(i => i.CaseId == CaseId);
    }
}
