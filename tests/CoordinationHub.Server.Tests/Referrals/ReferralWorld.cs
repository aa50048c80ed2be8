using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Tests.Referrals;

/// <summary>
/// Seeds what referrals need: agencies with referral scopes and claims, and cases reported by an
/// agency. Cases go straight into the database: this branch has no Cases API to report them with.
/// </summary>
internal static class ReferralWorld
{
    public static readonly string[] ReferralScopes = [Scopes.ReferralsRead, Scopes.ReferralsWrite];

    private static int s_caseCounter;

    public static Task<TestAgency> RegisterAsync(HubTestHost hub, string prefix, IEnumerable<string>? scopes = null, AgencyStatus status = AgencyStatus.Active, IEnumerable<string>? categories = null) =>
        hub.Trust.RegisterAgencyAsync(
            prefix, scopes ?? ReferralScopes, status,
            categories ?? [DataCategories.Identity, DataCategories.Circumstances, DataCategories.Antemortem],
            [Purposes.Search, Purposes.Identification]);

    public static async Task<ReferralsApi> SignInNewAsync(HubTestHost hub, string prefix, IEnumerable<string>? categories = null) =>
        await ReferralsApi.SignInAsync(hub, await RegisterAsync(hub, prefix, categories: categories));

    /// <summary>A case with one report by <paramref name="reporterAgencyId"/>; returns its id.</summary>
    public static async Task<string> ReportCaseAsync(HubTestHost hub, string reporterAgencyId)
    {
        var caseId = $"MP-2026-{Interlocked.Increment(ref s_caseCounter):D6}";
        var now = DateTimeOffset.UtcNow;
        await using var db = hub.Trust.OpenDb();
        db.Cases.Add(new CaseRecord { CaseId = caseId, Status = "OPEN", CreatedAt = now, UpdatedAt = now });
        db.CaseReports.Add(new CaseReportRecord
        {
            CaseId = caseId,
            AgencyId = reporterAgencyId,
            LocalReference = "LOCAL-" + caseId,
            ReportedAt = now,
            RequestId = Guid.NewGuid().ToString("N"),
            RequestHash = new string('0', 64),
            CreatedCase = true,
            OriginalCaseId = caseId,
        });
        await db.SaveChangesAsync();
        return caseId;
    }

    public static async Task<int> CountReferralsAsync(HubTestHost hub, string caseId)
    {
        await using var db = hub.Trust.OpenDb();
        return await db.Referrals.CountAsync(r => r.CaseId == caseId);
    }

    public static async Task<ReferralRecord> StoredAsync(HubTestHost hub, string referralId)
    {
        var id = Guid.Parse(referralId);
        await using var db = hub.Trust.OpenDb();
        return await db.Referrals.AsNoTracking().SingleAsync(r => r.ReferralId == id);
    }

    public static async Task<List<CaseEventRecord>> EventsAsync(HubTestHost hub, string caseId)
    {
        await using var db = hub.Trust.OpenDb();
        return await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Id).ToListAsync();
    }

    public static async Task<List<AuditRecord>> AuditAsync(HubTestHost hub, string target)
    {
        await using var db = hub.Trust.OpenDb();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Target == target).OrderBy(e => e.Id).ToListAsync();
    }
}
