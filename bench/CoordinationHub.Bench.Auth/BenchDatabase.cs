using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Server.Security;
using CoordinationHub.Testing;
using Microsoft.EntityFrameworkCore;
using System.Security.Cryptography.X509Certificates;

namespace CoordinationHub.Bench.Auth;

/// <summary>A private PostgreSQL database with the hub schema and one active agency, "bench-agency".</summary>
public sealed class BenchDatabase : IDbContextFactory<HubDbContext>
{
    public const string AgencyId = "bench-agency";

    private BenchDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public HubDbContext CreateDbContext() => HubDatabase.Open(ConnectionString);

    public static async Task<BenchDatabase> CreateAsync(X509Certificate2 client)
    {
        var database = new BenchDatabase(PostgresCluster.ConnectionStringFor(await PostgresCluster.CreateDatabaseAsync("bench_auth")));
        await using var db = database.CreateDbContext();
        await HubDatabase.MigrateAsync(db, CancellationToken.None);
        db.Agencies.Add(new AgencyRecord
        {
            AgencyId = AgencyId, DisplayName = "Bench agency", Kind = "POLICE",
            Scopes = [Scopes.CasesRead], DataCategories = [DataCategories.Identity], Purposes = [Purposes.Search],
        });
        db.Certificates.Add(new CertificateRecord
        {
            ThumbprintSha256 = CertificateThumbprints.Of(client), AgencyId = AgencyId, Subject = client.Subject,
            SerialNumber = client.SerialNumber, NotBefore = client.NotBefore.ToUniversalTime(), NotAfter = client.NotAfter.ToUniversalTime(),
            CertificatePem = client.ExportCertificatePem(),
        });
        await db.SaveChangesAsync();
        return database;
    }
}
