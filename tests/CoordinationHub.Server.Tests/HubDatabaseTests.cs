using CoordinationHub.Server.Persistence;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CoordinationHub.Server.Tests;

/// <summary>
/// The hub's statements are prepared on their connection (ADR 0017) unless the operator's
/// connection string says otherwise; on real PostgreSQL, a query sent twice is then prepared.
/// </summary>
public sealed class HubDatabaseTests : IAsyncLifetime
{
    private readonly MigratedDatabaseFixture _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public void WithAutoPrepare_NotSet_PreparesAfterTwoUses()
    {
        var builder = new NpgsqlConnectionStringBuilder(HubDatabase.WithAutoPrepare("Host=db;Database=hub"));
        Assert.Equal(HubDatabase.AutoPreparedStatements, builder.MaxAutoPrepare);
        Assert.Equal(2, builder.AutoPrepareMinUsages);
    }

    [Fact]
    public void WithAutoPrepare_OperatorTurnedItOff_Kept()
    {
        var builder = new NpgsqlConnectionStringBuilder(HubDatabase.WithAutoPrepare("Host=db;Database=hub;Max Auto Prepare=0"));
        Assert.Equal(0, builder.MaxAutoPrepare);
    }

    [Fact]
    public async Task Open_QuerySentTwice_PreparedOnTheConnection()
    {
        await using var db = HubDatabase.Open(_database.ConnectionString);
        await db.Database.OpenConnectionAsync();
        for (var i = 0; i < 3; i++)
        {
            await db.Agencies.AsNoTracking().Where(a => a.AgencyId == "nobody-" + i).ToListAsync();
        }

        var prepared = await db.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();
        Assert.Contains(prepared, s => s.Contains("trust.agencies", StringComparison.Ordinal));
    }
}
