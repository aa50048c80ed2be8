using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Server.Security;
using CoordinationHub.Server.Services.Agencies;
using Microsoft.EntityFrameworkCore;
using DomainStatus = CoordinationHub.Domain.Trust.AgencyStatus;

namespace CoordinationHub.Server.Trust;

/// <summary>
/// The one way into a fresh hub: run on the hub host with the database connection and the CA key
/// (<c>hubctl admin bootstrap</c>), it creates the hub-admin agency and its client certificate.
/// Refuses once any active agency holds <c>agencies.admin</c>, so it cannot become a back door.
/// </summary>
public static class AdminBootstrap
{
    public const string AuditMethod = "hubctl admin bootstrap";

    /// <summary>What the bootstrap created: the agency, and where its certificate and key were written.</summary>
    public sealed record Result(string AgencyId, string ThumbprintSha256, string CertificatePath, string PrivateKeyPath, DateTimeOffset NotAfter);

    /// <exception cref="BootstrapRefusedException">The hub already has an administrator, or the files exist.</exception>
    public static async Task<Result> RunAsync(
        HubDbContext db, HubCertificateAuthority authority, string agencyId, string outputDirectory, string operatorName, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(authority);
        if (!AgencyId.IsValid(agencyId))
        {
            throw new BootstrapRefusedException($"'{agencyId}' is not a valid agency id (lower-case letters, digits, inner hyphens, 3-63 characters).");
        }

        if (!authority.CanSign)
        {
            throw new BootstrapRefusedException("Bootstrap needs the CA private key to issue the administrator's certificate (Hub:CertificateAuthority:PrivateKeyPath).");
        }

        var existing = await db.Agencies.AsNoTracking()
            .Where(a => a.Status == DomainStatus.Active && a.Scopes.Contains(Scopes.AgenciesAdmin))
            .Select(a => a.AgencyId).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            throw new BootstrapRefusedException($"The hub is already bootstrapped: agency '{existing}' holds {Scopes.AgenciesAdmin}. Use hubctl admin with its certificate.");
        }

        if (await db.Agencies.AnyAsync(a => a.AgencyId == agencyId, cancellationToken).ConfigureAwait(false))
        {
            throw new BootstrapRefusedException($"Agency '{agencyId}' already exists but holds no active {Scopes.AgenciesAdmin}; choose another id.");
        }

        var certificatePath = Path.GetFullPath(Path.Combine(outputDirectory, agencyId + ".pem"));
        var keyPath = Path.GetFullPath(Path.Combine(outputDirectory, agencyId + ".key"));
        if (File.Exists(certificatePath) || File.Exists(keyPath))
        {
            throw new BootstrapRefusedException($"{certificatePath} or {keyPath} exists; move it away first (bootstrap never overwrites a key).");
        }

        var now = DatabaseClock.Now(time);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = authority.Issue(new CertificateRequest($"CN={agencyId}", key, HashAlgorithmName.SHA256), agencyId, now, 365);
        var thumbprint = CertificateThumbprints.Of(certificate);

        db.Agencies.Add(new AgencyRecord
        {
            AgencyId = agencyId,
            DisplayName = "Hub administration",
            Kind = AgencyMapping.KindName(AgencyKind.HubOperator),
            Status = DomainStatus.Active,
            Scopes = [Scopes.AgenciesAdmin],
            CreatedAt = now,
            UpdatedAt = now,
        });
        db.Certificates.Add(CertificateToEnroll.RecordFor(certificate, agencyId, now));
        // Through the same record builder as the audit seam; the context seals it into its chain on save.
        db.AuditEntries.Add(AuditRecords.ToRecord(new AuditEntry
        {
            AgencyId = agencyId,
            CertificateThumbprint = thumbprint,
            Officer = operatorName,
            Method = AuditMethod,
            Target = "agency:" + agencyId,
            Decision = AuditDecision.Allowed,
            Reason = $"hub bootstrapped: administrator agency created with certificate {thumbprint}",
        }, time));

        // Key first, database second: if the commit fails the files are removed; if writing fails
        // nothing was committed. Either way no administrator exists without its key.
        Directory.CreateDirectory(outputDirectory);
        await WritePrivateFileAsync(keyPath, key.ExportPkcs8PrivateKeyPem(), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(certificatePath, certificate.ExportCertificatePem(), cancellationToken).ConfigureAwait(false);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            File.Delete(keyPath);
            File.Delete(certificatePath);
            throw;
        }

        return new Result(agencyId, thumbprint, certificatePath, keyPath, new DateTimeOffset(certificate.NotAfter.ToUniversalTime()));
    }

    private static async Task WritePrivateFileAsync(string path, string content, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(path, options);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(content.AsMemory(), cancellationToken).ConfigureAwait(false);
    }
}
