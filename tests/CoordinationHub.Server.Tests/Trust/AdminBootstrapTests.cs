using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Server.Trust;
using CoordinationHub.Testing;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Tests.Trust;

/// <summary>The one way into a fresh hub, and that it does not stay open.</summary>
public sealed class AdminBootstrapTests : IAsyncLifetime, IDisposable
{
    private readonly PostgresDatabaseFixture _database = new();
    private readonly string _output = Directory.CreateTempSubdirectory("hub-bootstrap-").FullName;
    private readonly TestPki _pki = new();
    private readonly HubCertificateAuthority _authority;

    public AdminBootstrapTests() => _authority = new HubCertificateAuthority(_pki.Root, _pki.Root);

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var db = HubDatabase.Open(_database.ConnectionString);
        await HubDatabase.MigrateAsync(db, CancellationToken.None);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Bootstrap_FreshHub_CreatesAdminAgencyCertificateKeyAndAuditEntry()
    {
        var result = await RunAsync("hub-admin");

        using var certificate = X509Certificate2.CreateFromPemFile(result.CertificatePath, result.PrivateKeyPath);
        Assert.True(certificate.HasPrivateKey);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(result.PrivateKeyPath));
        await using var db = HubDatabase.Open(_database.ConnectionString);
        var agency = await db.Agencies.Include(a => a.Certificates).SingleAsync(a => a.AgencyId == "hub-admin");
        Assert.Equal(["agencies.admin"], agency.Scopes);
        Assert.Equal("HUB_OPERATOR", agency.Kind);
        Assert.Equal(result.ThumbprintSha256, Assert.Single(agency.Certificates).ThumbprintSha256);
        var entry = await db.AuditEntries.SingleAsync();
        Assert.Equal((AdminBootstrap.AuditMethod, AuditRecord.Allowed, "night-operator"), (entry.Method, entry.Decision, entry.Officer));
    }

    [Fact]
    public async Task Bootstrap_Twice_RefusedAndNothingAdded()
    {
        await RunAsync("hub-admin");

        var error = await Assert.ThrowsAsync<BootstrapRefusedException>(() => RunAsync("second-admin"));

        Assert.Contains("already bootstrapped", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_output, "second-admin.key")));
        await using var db = HubDatabase.Open(_database.ConnectionString);
        Assert.Equal(1, await db.Agencies.CountAsync());
    }

    [Fact]
    public async Task Bootstrap_KeyFileExists_RefusedWithoutTouchingIt()
    {
        var keyPath = Path.Combine(_output, "hub-admin.key");
        await File.WriteAllTextAsync(keyPath, "precious");

        await Assert.ThrowsAsync<BootstrapRefusedException>(() => RunAsync("hub-admin"));

        Assert.Equal("precious", await File.ReadAllTextAsync(keyPath));
        await using var db = HubDatabase.Open(_database.ConnectionString);
        Assert.False(await db.Agencies.AnyAsync());
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    public void Dispose()
    {
        _authority.Dispose();
        _pki.Dispose();
        Directory.Delete(_output, recursive: true);
    }

    private async Task<AdminBootstrap.Result> RunAsync(string agencyId)
    {
        await using var db = HubDatabase.Open(_database.ConnectionString);
        return await AdminBootstrap.RunAsync(db, _authority, agencyId, _output, "night-operator", TimeProvider.System, CancellationToken.None);
    }
}
