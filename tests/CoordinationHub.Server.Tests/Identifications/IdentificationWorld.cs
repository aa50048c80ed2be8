using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Tests.Identifications;

/// <summary>
/// One case and the agencies around an identification: the ministry that reported the case, the
/// family association that reported it too and holds the family's contact, the laboratory and the
/// judicial body that each hold an accepted referral for identification, and a stranger who cannot
/// see the case. Cases and referrals go straight into the database.
/// </summary>
internal sealed class IdentificationWorld
{
    public required string CaseId { get; init; }

    public required TestAgency Ministry { get; init; }

    public required TestAgency Family { get; init; }

    public required TestAgency Laboratory { get; init; }

    public required TestAgency Judicial { get; init; }

    public required TestAgency Stranger { get; init; }

    public static readonly string[] AllScopes =
    [
        Scopes.IdentificationsRead, Scopes.IdentificationsReport, Scopes.IdentificationsConfirm, Scopes.IdentificationsInform, Scopes.NotificationsSubscribe,
    ];

    public static async Task<IdentificationWorld> CreateAsync(HubTestHost hub)
    {
        var identification = new[] { Purposes.Identification, Purposes.Search };
        var ministry = await hub.Trust.RegisterAgencyAsync("ministry", [Scopes.IdentificationsRead, Scopes.IdentificationsConfirm, Scopes.NotificationsSubscribe],
            categories: [DataCategories.Identity, DataCategories.Circumstances], purposes: identification, kind: "MINISTRY");
        var family = await hub.Trust.RegisterAgencyAsync("family", [Scopes.IdentificationsRead, Scopes.IdentificationsInform, Scopes.NotificationsSubscribe],
            categories: [DataCategories.Identity, DataCategories.Contact], purposes: [Purposes.FamilyRights, Purposes.Identification, Purposes.Search], kind: "FAMILY_ASSOCIATION");
        var laboratory = await hub.Trust.RegisterAgencyAsync("lab", [Scopes.IdentificationsRead, Scopes.IdentificationsReport, Scopes.NotificationsSubscribe],
            categories: [DataCategories.Identity, DataCategories.Genetic, DataCategories.Antemortem], purposes: identification, kind: "FORENSIC_LABORATORY");
        var judicial = await hub.Trust.RegisterAgencyAsync("judge", [Scopes.IdentificationsRead, Scopes.IdentificationsConfirm, Scopes.NotificationsSubscribe],
            categories: [DataCategories.Identity, DataCategories.Genetic, DataCategories.Antemortem], purposes: identification, kind: "JUDICIAL_AUTHORITY");
        var stranger = await hub.Trust.RegisterAgencyAsync("stranger", AllScopes,
            categories: [DataCategories.Identity, DataCategories.Genetic], purposes: identification, kind: "FORENSIC_LABORATORY");

        var caseId = await ReportCaseAsync(hub, ministry.AgencyId, family.AgencyId);
        await ReferAsync(hub, caseId, ministry.AgencyId, laboratory.AgencyId);
        await ReferAsync(hub, caseId, ministry.AgencyId, judicial.AgencyId);
        return new IdentificationWorld { CaseId = caseId, Ministry = ministry, Family = family, Laboratory = laboratory, Judicial = judicial, Stranger = stranger };
    }

    /// <summary>An open case reported by each of <paramref name="reporters"/>; returns its id.</summary>
    public static Task<string> ReportCaseAsync(HubTestHost hub, params string[] reporters) => CaseRecordSeeder.ReportCaseAsync(hub.Trust, reporters);

    /// <summary>An accepted referral for identification of identity, genetic and antemortem data.</summary>
    public static Task ReferAsync(HubTestHost hub, string caseId, string fromAgencyId, string toAgencyId) =>
        CaseRecordSeeder.ReferForIdentificationAsync(hub.Trust, caseId, fromAgencyId, toAgencyId);

    public static async Task<CaseRecord> StoredCaseAsync(HubTestHost hub, string caseId)
    {
        await using var db = hub.Trust.OpenDb();
        return await db.Cases.AsNoTracking().SingleAsync(c => c.CaseId == caseId);
    }

    public static async Task<IdentificationRecord?> StoredAsync(HubTestHost hub, string identificationId)
    {
        await using var db = hub.Trust.OpenDb();
        return await db.Identifications.AsNoTracking().SingleOrDefaultAsync(i => i.IdentificationId == Guid.Parse(identificationId));
    }

    public static async Task<int> CountAsync(HubTestHost hub, string caseId)
    {
        await using var db = hub.Trust.OpenDb();
        return await db.Identifications.CountAsync(i => i.CaseId == caseId);
    }

    /// <summary>Outbox rows of one agency, in sequence order.</summary>
    public static async Task<List<Persistence.Records.Notifications.NotificationRecord>> OutboxAsync(HubTestHost hub, string agencyId)
    {
        await using var db = hub.Trust.OpenDb();
        return await db.Notifications.AsNoTracking().Where(n => n.RecipientAgencyId == agencyId).OrderBy(n => n.Sequence).ToListAsync();
    }
}
