using CoordinationHub.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Testing.Hub;

/// <summary>A fresh private database with the hub's schema, for tests of one component without a host.</summary>
public sealed class MigratedDatabaseFixture : IAsyncLifetime, IDbContextFactory<HubDbContext>
{
    private readonly PostgresDatabaseFixture _database = new();

    public string ConnectionString => _database.ConnectionString;

    public HubDbContext CreateDbContext() => HubDatabase.Open(ConnectionString);

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var db = CreateDbContext();
        await HubDatabase.MigrateAsync(db, CancellationToken.None);
    }

    public Task DisposeAsync() => _database.DisposeAsync();
}
