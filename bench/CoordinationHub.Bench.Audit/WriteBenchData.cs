using System.Globalization;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Server.Persistence.Records.Cases;

namespace CoordinationHub.Bench.Audit;

/// <summary>
/// What the write benchmark needs in the database: the bench client's agency (agency admin, and the
/// reporter of <see cref="CaseCount"/> cases it refers for search), one target agency per worker for
/// UpdateAgencyClaims, and an active recipient of referrals whose claims cover them.
/// </summary>
public static class WriteBenchData
{
    public const string ClientAgencyId = "bench-agency";
    public const string RecipientId = "bench-recipient";
    public const int CaseCount = 1000;

    public static string Target(int worker) => $"bench-target-{worker}";

    public static string CaseId(int number) => string.Create(CultureInfo.InvariantCulture, $"MP-2026-{number:D6}");

    public static async Task SeedAsync(string connectionString, Auth.BenchPki pki, int targets)
    {
        await using var db = HubDatabase.Open(connectionString);
        await HubDatabase.MigrateAsync(db, CancellationToken.None);
        string[] categories = [DataCategories.Identity, DataCategories.Circumstances];
        db.Agencies.Add(new AgencyRecord
        {
            AgencyId = ClientAgencyId, DisplayName = "Bench admin and reporter", Kind = "HUB_OPERATOR",
            Scopes = [Scopes.AgenciesAdmin, Scopes.ReferralsRead, Scopes.ReferralsWrite], DataCategories = [.. categories], Purposes = [Purposes.Search],
        });
        db.Agencies.Add(new AgencyRecord
        {
            AgencyId = RecipientId, DisplayName = "Bench recipient", Kind = "POLICE",
            Scopes = [Scopes.ReferralsRead, Scopes.ReferralsWrite], DataCategories = [.. categories], Purposes = [Purposes.Search],
        });
        for (var i = 0; i < targets; i++)
        {
            db.Agencies.Add(new AgencyRecord { AgencyId = Target(i), DisplayName = "Bench target", Kind = "POLICE", Scopes = [Scopes.CasesRead] });
        }

        var now = DateTimeOffset.UtcNow;
        for (var number = 1; number <= CaseCount; number++)
        {
            var caseId = CaseId(number);
            db.Cases.Add(new CaseRecord { CaseId = caseId, Status = "OPEN", CreatedAt = now, UpdatedAt = now });
            db.CaseReports.Add(new CaseReportRecord
            {
                CaseId = caseId, OriginalCaseId = caseId, AgencyId = ClientAgencyId, ReportedAt = now, RequestId = caseId, RequestHash = new string('0', 64), CreatedCase = true,
            });
        }

        db.Certificates.Add(BenchHubs.ClientCertificate(pki, ClientAgencyId));
        await db.SaveChangesAsync();
    }
}
