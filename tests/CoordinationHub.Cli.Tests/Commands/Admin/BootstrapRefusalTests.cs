using CoordinationHub.Cli.Tests.Infrastructure;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Cli.Tests.Commands.Admin;

/// <summary>Bootstrap straight on a database, without a hub: what the hub host's operator does first.</summary>
public sealed class BootstrapRefusalTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>, IDisposable
{
    private readonly TestPki _pki = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("hubctl-bootstrap-").FullName;

    [Fact]
    public async Task Bootstrap_Twice_SecondExitsFiveAndChangesNothing()
    {
        var (caCertificate, caKey) = _pki.WriteRootWithKeyPem(_directory);
        string[] bootstrap = ["admin", "bootstrap", "--connection", database.ConnectionString, "--ca-cert", caCertificate, "--ca-key", caKey];

        var first = await HubCtlRun.RunAsync(null, [.. bootstrap, "--out", Path.Combine(_directory, "first")]);
        var second = await HubCtlRun.RunAsync(null, [.. bootstrap, "--agency-id", "second-admin", "--out", Path.Combine(_directory, "second")]);

        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        Assert.True(second.ExitCode == ExitCodes.BootstrapRefused, second.ToString());
        Assert.Contains("already bootstrapped", second.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_directory, "second")));
        await using var db = database.CreateDbContext();
        Assert.Equal(["hub-admin"], await db.Agencies.Where(a => a.Scopes.Contains(Scopes.AgenciesAdmin)).Select(a => a.AgencyId).ToListAsync());
    }

    public void Dispose()
    {
        _pki.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
