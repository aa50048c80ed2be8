using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Security;
using CoordinationHub.Testing;

namespace CoordinationHub.Bench.Referrals;

/// <summary>
/// A private PostgreSQL database with the hub schema, a sending agency (the bench client's
/// certificate) that reported <see cref="CaseCount"/> cases, and a recipient agency.
/// </summary>
public sealed class ReferralBenchDatabase
{
    public const string SenderId = "bench-sender";
    public const string RecipientId = "bench-recipient";
    public const int CaseCount = 1000;

    private ReferralBenchDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public static string CaseId(int number) => string.Create(CultureInfo.InvariantCulture, $"MP-2026-{number:D6}");

    public static async Task<ReferralBenchDatabase> CreateAsync(X509Certificate2 client)
    {
        var database = new ReferralBenchDatabase(PostgresCluster.ConnectionStringFor(await PostgresCluster.CreateDatabaseAsync("bench_referrals")));
        await using var db = HubDatabase.Open(database.ConnectionString);
        await HubDatabase.MigrateAsync(db, CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        foreach (var agencyId in new[] { SenderId, RecipientId })
        {
            db.Agencies.Add(new AgencyRecord
            {
                AgencyId = agencyId, DisplayName = agencyId, Kind = "POLICE", CreatedAt = now, UpdatedAt = now,
                Scopes = [Scopes.ReferralsRead, Scopes.ReferralsWrite], DataCategories = [DataCategories.Identity, DataCategories.Circumstances], Purposes = [Purposes.Search],
            });
        }

        db.Certificates.Add(new CertificateRecord
        {
            ThumbprintSha256 = CertificateThumbprints.Of(client), AgencyId = SenderId, Subject = client.Subject,
            SerialNumber = client.SerialNumber, NotBefore = client.NotBefore.ToUniversalTime(), NotAfter = client.NotAfter.ToUniversalTime(),
            CertificatePem = client.ExportCertificatePem(), CreatedAt = now,
        });
        for (var number = 1; number <= CaseCount; number++)
        {
            var caseId = CaseId(number);
            db.Cases.Add(new CaseRecord { CaseId = caseId, Status = "OPEN", CreatedAt = now, UpdatedAt = now });
            db.CaseReports.Add(new CaseReportRecord
            {
                CaseId = caseId, AgencyId = SenderId, ReportedAt = now, RequestId = caseId, RequestHash = new string('0', 64), CreatedCase = true, OriginalCaseId = caseId,
            });
        }

        await db.SaveChangesAsync();
        return database;
    }
}
