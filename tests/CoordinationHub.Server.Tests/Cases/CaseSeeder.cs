using CoordinationHub.Domain.Referrals;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Tests.Cases;

/// <summary>
/// Puts referrals straight into the database: the Cases tests need an accepted referral without
/// depending on the Referrals service, which is built separately.
/// </summary>
internal static class CaseSeeder
{
    public static async Task<Guid> AcceptedReferralAsync(
        HubTestHost hub, string caseId, string fromAgencyId, string toAgencyId, string purpose = Purposes.Search, IEnumerable<string>? categories = null, DateTimeOffset? dueAt = null)
    {
        await using var db = hub.Trust.OpenDb();
        var referral = new ReferralRecord
        {
            ReferralId = Guid.NewGuid(),
            CaseId = caseId,
            FromAgencyId = fromAgencyId,
            ToAgencyId = toAgencyId,
            Purpose = purpose,
            DataCategories = [.. categories ?? [DataCategories.Identity]],
            Reason = "seeded by a test",
            DueAt = dueAt ?? DateTimeOffset.UtcNow.AddDays(30),
            State = ReferralState.Accepted,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
            RequestId = Guid.NewGuid().ToString(),
            RequestHash = new string('0', 64),
        };
        db.Referrals.Add(referral);
        await db.SaveChangesAsync();
        return referral.ReferralId;
    }

    /// <summary>Denied audit entries of one agency's certificate for one Cases method.</summary>
    public static async Task<List<AuditRecord>> DenialsAsync(HubTestHost hub, TestAgency agency, string method) =>
        [.. (await hub.Trust.AuditEntriesForAsync(agency.Certificate)).Where(e => e.Decision == AuditRecord.Denied && e.Method.EndsWith("/" + method, StringComparison.Ordinal))];

    public static async Task<int> CountCasesAsync(HubTestHost hub)
    {
        await using var db = hub.Trust.OpenDb();
        return await db.Cases.CountAsync();
    }
}
