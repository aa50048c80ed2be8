using CoordinationHub.Domain.Referrals;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Persistence.Records.Cases;

namespace CoordinationHub.Testing.Hub;

/// <summary>
/// Puts cases and accepted referrals straight into the database, for tests of what happens on a
/// case (identifications, notifications) that must not depend on the Cases and Referrals services.
/// </summary>
public static class CaseRecordSeeder
{
    private static int s_caseCounter = 500_000;

    /// <summary>An open case reported by each of <paramref name="reporters"/> (the first created it); returns its id.</summary>
    public static async Task<string> ReportCaseAsync(TrustSeeder trust, params string[] reporters)
    {
        var caseId = $"MP-2026-{Interlocked.Increment(ref s_caseCounter):D6}";
        var now = DateTimeOffset.UtcNow;
        await using var db = trust.OpenDb();
        db.Cases.Add(new CaseRecord { CaseId = caseId, Status = "OPEN", CreatedAt = now, UpdatedAt = now });
        foreach (var reporter in reporters)
        {
            db.CaseReports.Add(new CaseReportRecord
            {
                CaseId = caseId,
                AgencyId = reporter,
                LocalReference = $"LOCAL-{caseId}-{reporter}",
                ReportedAt = now,
                RequestId = Guid.NewGuid().ToString("N"),
                RequestHash = new string('0', 64),
                CreatedCase = reporter == reporters[0],
                OriginalCaseId = caseId,
            });
        }

        await db.SaveChangesAsync();
        return caseId;
    }

    /// <summary>An accepted referral for identification of identity, genetic and antemortem data.</summary>
    public static async Task ReferForIdentificationAsync(TrustSeeder trust, string caseId, string fromAgencyId, string toAgencyId)
    {
        var now = DateTimeOffset.UtcNow;
        await using var db = trust.OpenDb();
        db.Referrals.Add(new ReferralRecord
        {
            ReferralId = Guid.CreateVersion7(),
            CaseId = caseId,
            FromAgencyId = fromAgencyId,
            ToAgencyId = toAgencyId,
            Purpose = Purposes.Identification,
            DataCategories = [DataCategories.Identity, DataCategories.Genetic, DataCategories.Antemortem],
            Reason = "identify remains",
            DueAt = now.AddDays(30),
            State = ReferralState.Accepted,
            CreatedAt = now,
            UpdatedAt = now,
            RequestId = Guid.NewGuid().ToString("N"),
            RequestHash = new string('0', 64),
        });
        await db.SaveChangesAsync();
    }
}
