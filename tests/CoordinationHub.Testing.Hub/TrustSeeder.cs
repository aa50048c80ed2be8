using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Server.Security;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Testing.Hub;

/// <summary>
/// Puts agencies and certificates straight into the database, as the Agencies service will: the
/// tests of authentication must not depend on that service.
/// </summary>
public sealed class TrustSeeder(string connectionString, TestPki pki)
{
    private static int s_counter;

    public HubDbContext OpenDb() => HubDatabase.Open(connectionString);

    /// <param name="prefix">Start of the generated agency id.</param>
    /// <param name="scopes">Scopes; cases.read when null.</param>
    /// <param name="status">Status.</param>
    /// <param name="categories">Data categories; identity and circumstances when null.</param>
    /// <param name="purposes">Purposes; search when null.</param>
    /// <param name="kind">Agency kind (proto name without prefix); POLICE when null.</param>
    public async Task<TestAgency> RegisterAgencyAsync(
        string prefix, IEnumerable<string>? scopes = null, AgencyStatus status = AgencyStatus.Active,
        IEnumerable<string>? categories = null, IEnumerable<string>? purposes = null, string? kind = null)
    {
        var agencyId = $"{prefix}-{Interlocked.Increment(ref s_counter)}";
        var certificate = pki.IssueClient(agencyId);
        await using var db = OpenDb();
        db.Agencies.Add(new AgencyRecord
        {
            AgencyId = agencyId,
            DisplayName = $"Test agency {agencyId}",
            Kind = kind ?? "POLICE",
            Status = status,
            Scopes = [.. scopes ?? [Scopes.CasesRead]],
            DataCategories = [.. categories ?? [DataCategories.Identity, DataCategories.Circumstances]],
            Purposes = [.. purposes ?? [Purposes.Search]],
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        });
        db.Certificates.Add(Record(agencyId, certificate));
        await db.SaveChangesAsync();
        return new TestAgency(agencyId, certificate);
    }

    public async Task AddCertificateAsync(string agencyId, X509Certificate2 certificate)
    {
        await using var db = OpenDb();
        db.Certificates.Add(Record(agencyId, certificate));
        await db.SaveChangesAsync();
    }

    public async Task SetStatusAsync(string agencyId, AgencyStatus status, string reason)
    {
        await using var db = OpenDb();
        await db.Agencies.Where(a => a.AgencyId == agencyId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, status).SetProperty(a => a.StatusReason, reason));
    }

    public async Task SetScopesAsync(string agencyId, params string[] scopes)
    {
        await using var db = OpenDb();
        var agency = await db.Agencies.SingleAsync(a => a.AgencyId == agencyId);
        agency.Scopes = [.. scopes];
        await db.SaveChangesAsync();
    }

    public async Task RevokeCertificateAsync(X509Certificate2 certificate, string reason)
    {
        var thumbprint = CertificateThumbprints.Of(certificate);
        await using var db = OpenDb();
        await db.Certificates.Where(c => c.ThumbprintSha256 == thumbprint)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Revoked, true).SetProperty(c => c.RevocationReason, reason).SetProperty(c => c.RevokedAt, DateTimeOffset.UtcNow));
    }

    /// <summary>Audit entries of one certificate, oldest first.</summary>
    public async Task<List<AuditRecord>> AuditEntriesForAsync(X509Certificate2 certificate)
    {
        var thumbprint = CertificateThumbprints.Of(certificate);
        await using var db = OpenDb();
        return await db.AuditEntries.AsNoTracking().Where(e => e.CertificateThumbprint == thumbprint).OrderBy(e => e.Id).ToListAsync();
    }

    private static CertificateRecord Record(string agencyId, X509Certificate2 certificate) => new()
    {
        ThumbprintSha256 = CertificateThumbprints.Of(certificate),
        AgencyId = agencyId,
        Subject = certificate.Subject,
        SerialNumber = certificate.SerialNumber,
        NotBefore = certificate.NotBefore.ToUniversalTime(),
        NotAfter = certificate.NotAfter.ToUniversalTime(),
        CertificatePem = certificate.ExportCertificatePem(),
        CreatedAt = DateTimeOffset.UtcNow,
    };
}
