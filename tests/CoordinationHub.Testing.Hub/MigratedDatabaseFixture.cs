using CoordinationHub.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoordinationHub.Testing.Hub;

/// <summary>A fresh private database with the hub's schema, for tests of one component without a host.</summary>
public sealed class MigratedDatabaseFixture : IAsyncLifetime, IDbContextFactory<HubDbContext>
{
    private readonly PostgresDatabaseFixture _database = new();

    public string ConnectionString => _database.ConnectionString;

    public HubDbContext CreateDbContext() => HubDatabase.Open(ConnectionString);

    /// <summary>A context whose commands or transactions <paramref name="interceptors"/> observe, configured as the hub's.</summary>
    public HubDbContext CreateDbContext(params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<HubDbContext>();
        HubDatabase.Configure(options, ConnectionString).AddInterceptors(interceptors);
        return new HubDbContext(options.Options);
    }

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var db = CreateDbContext();
        await HubDatabase.MigrateAsync(db, CancellationToken.None);
    }

    public Task DisposeAsync() => _database.DisposeAsync();
}
