using Npgsql;

namespace CoordinationHub.Testing.Tests;

public sealed class PostgresClusterTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Fixture_Connect_AnswersAsSuperuserHub()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_database(), current_user, 1 + 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.Equal(database.DatabaseName, reader.GetString(0));
        Assert.Equal(2, reader.GetInt32(2));
        if (PostgresCluster.ClustersStarted == 1)
        {
            Assert.Equal("hub", reader.GetString(1));
            Assert.Contains("Host=127.0.0.1", database.ConnectionString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PrivateCluster_Settings_TradeDurabilityForSpeed()
    {
        if (PostgresCluster.ClustersStarted == 0)
        {
            return; // HUB_TEST_POSTGRES: an existing server's settings are not ours.
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        foreach (var (setting, expected) in new[]
        {
            ("fsync", "off"), ("synchronous_commit", "off"), ("full_page_writes", "off"),
            ("max_connections", "300"), ("listen_addresses", "127.0.0.1"),
        })
        {
            await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
            Assert.Equal(expected, (string?)await command.ExecuteScalarAsync());
        }
    }

    [Fact]
    public async Task CreateDatabaseAsync_TwoCalls_GiveDistinctIsolatedDatabases()
    {
        var first = await PostgresCluster.CreateDatabaseAsync();
        var second = await PostgresCluster.CreateDatabaseAsync();
        try
        {
            Assert.NotEqual(first, second);
            await ExecuteAsync(first, "CREATE TABLE only_in_first (id int); INSERT INTO only_in_first VALUES (1)");

            Assert.Equal(1L, await ExecuteAsync(first, "SELECT count(*) FROM only_in_first"));
            Assert.Equal(0L, await ExecuteAsync(second,
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'only_in_first'"));
        }
        finally
        {
            await PostgresCluster.DropDatabaseAsync(first);
            await PostgresCluster.DropDatabaseAsync(second);
        }
    }

    [Theory]
    [InlineData("CasesStore Tests", "casesstore_tests_")]
    [InlineData("42", "hub_test_42_")]
    [InlineData(null, "hub_test_")]
    public async Task CreateDatabaseAsync_WithName_UsesItAsValidPrefix(string? name, string prefix)
    {
        var created = await PostgresCluster.CreateDatabaseAsync(name);
        try
        {
            Assert.StartsWith(prefix, created, StringComparison.Ordinal);
            Assert.Equal(prefix.Length + 16, created.Length);
        }
        finally
        {
            await PostgresCluster.DropDatabaseAsync(created);
        }
    }

    [Fact]
    public async Task DropDatabaseAsync_WhileConnected_DropsIt()
    {
        var name = await PostgresCluster.CreateDatabaseAsync();
        await using var open = new NpgsqlConnection(PostgresCluster.ConnectionStringFor(name));
        await open.OpenAsync();

        await PostgresCluster.DropDatabaseAsync(name);

        Assert.Equal(0L, await ExecuteAsync("postgres", $"SELECT count(*) FROM pg_database WHERE datname = '{name}'"));
    }

    private static async Task<object?> ExecuteAsync(string databaseName, string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresCluster.ConnectionStringFor(databaseName));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
