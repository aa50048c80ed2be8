using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Bench.Auth;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Security;
using CoordinationHub.Testing;

namespace CoordinationHub.Bench.Notifications;

/// <summary>A private database with one case and <c>count</c> agencies, each with its own client certificate.</summary>
public sealed class BenchWorld
{
    public const string CaseId = "MP-2026-000001";

    private BenchWorld(string connectionString, IReadOnlyList<(string AgencyId, X509Certificate2 Certificate)> agencies)
    {
        ConnectionString = connectionString;
        Agencies = agencies;
    }

    public string ConnectionString { get; }

    public IReadOnlyList<(string AgencyId, X509Certificate2 Certificate)> Agencies { get; }

    public static async Task<BenchWorld> CreateAsync(BenchPki pki, int count)
    {
        var connectionString = PostgresCluster.ConnectionStringFor(await PostgresCluster.CreateDatabaseAsync("bench_notifications"));
        await using var db = HubDatabase.Open(connectionString);
        await HubDatabase.MigrateAsync(db, CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        db.Cases.Add(new CaseRecord { CaseId = CaseId, Status = "OPEN", CreatedAt = now, UpdatedAt = now });
        var agencies = new List<(string, X509Certificate2)>();
        for (var i = 1; i <= count; i++)
        {
            var agencyId = string.Create(CultureInfo.InvariantCulture, $"bench-agency-{i:D3}");
            var certificate = pki.IssueClient(agencyId);
            db.Agencies.Add(new AgencyRecord
            {
                AgencyId = agencyId, DisplayName = agencyId, Kind = "POLICE", CreatedAt = now, UpdatedAt = now,
                Scopes = [Scopes.NotificationsSubscribe], DataCategories = [DataCategories.Identity], Purposes = [Purposes.Search],
            });
            db.Certificates.Add(new CertificateRecord
            {
                ThumbprintSha256 = CertificateThumbprints.Of(certificate), AgencyId = agencyId, Subject = certificate.Subject,
                SerialNumber = certificate.SerialNumber, NotBefore = certificate.NotBefore.ToUniversalTime(), NotAfter = certificate.NotAfter.ToUniversalTime(),
                CertificatePem = certificate.ExportCertificatePem(), CreatedAt = now,
            });
            agencies.Add((agencyId, certificate));
        }

        await db.SaveChangesAsync();
        return new BenchWorld(connectionString, agencies);
    }
}
