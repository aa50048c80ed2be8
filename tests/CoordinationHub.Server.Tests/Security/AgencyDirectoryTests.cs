using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Security;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Server.Tests.Security;

/// <summary>The cache in front of the agency lookup never serves an answer older than one second.</summary>
public sealed class AgencyDirectoryTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>, IDisposable
{
    private readonly TestPki _pki = new();
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public async Task Find_ChangeWithinOneSecond_ServedFromCacheThenFresh()
    {
        var trust = new TrustSeeder(database.ConnectionString, _pki);
        var agency = await trust.RegisterAgencyAsync("cached");
        var thumbprint = CertificateThumbprints.Of(agency.Certificate);
        var directory = new AgencyDirectory(database, _time);
        Assert.Equal(AgencyStatus.Active, (await directory.FindAsync(thumbprint, CancellationToken.None))!.Status);

        await trust.SetStatusAsync(agency.AgencyId, AgencyStatus.Suspended, "test");
        _time.Advance(TimeSpan.FromMilliseconds(999));
        var cached = await directory.FindAsync(thumbprint, CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var fresh = await directory.FindAsync(thumbprint, CancellationToken.None);

        Assert.Equal(AgencyStatus.Active, cached!.Status);
        Assert.Equal(AgencyStatus.Suspended, fresh!.Status);
    }

    [Fact]
    public async Task Find_UnknownCertificateRegisteredLater_FoundAfterOneSecond()
    {
        var trust = new TrustSeeder(database.ConnectionString, _pki);
        var directory = new AgencyDirectory(database, _time);
        var certificate = _pki.IssueClient("late");
        var thumbprint = CertificateThumbprints.Of(certificate);
        Assert.Null(await directory.FindAsync(thumbprint, CancellationToken.None));

        var agency = await trust.RegisterAgencyAsync("late-agency");
        await trust.AddCertificateAsync(agency.AgencyId, certificate);
        _time.Advance(AgencyDirectory.MaxStaleness);

        Assert.Equal(agency.AgencyId, (await directory.FindAsync(thumbprint, CancellationToken.None))?.AgencyId);
    }

    [Fact]
    public async Task Find_ConcurrentCallers_ShareOneAnswer()
    {
        var trust = new TrustSeeder(database.ConnectionString, _pki);
        var agency = await trust.RegisterAgencyAsync("shared");
        var directory = new AgencyDirectory(database, _time);
        var thumbprint = CertificateThumbprints.Of(agency.Certificate);

        var grants = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => directory.FindAsync(thumbprint, CancellationToken.None)));

        Assert.All(grants, g => Assert.Same(grants[0], g));
    }

    public void Dispose() => _pki.Dispose();
}
