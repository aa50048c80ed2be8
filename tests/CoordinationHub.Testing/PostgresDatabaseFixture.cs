using Xunit;

namespace CoordinationHub.Testing;

/// <summary>
/// Gives a test class (<c>IClassFixture&lt;PostgresDatabaseFixture&gt;</c>) a fresh, empty database
/// of its own on the process's <see cref="PostgresCluster"/>, dropped when the class is done.
/// </summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private string? _databaseName;
    private string? _connectionString;

    /// <summary>The database's name, unique to this fixture.</summary>
    public string DatabaseName => _databaseName ?? throw NotInitialized();

    /// <summary>An Npgsql connection string for the database.</summary>
    public string ConnectionString => _connectionString ?? throw NotInitialized();

    public async Task InitializeAsync()
    {
        _databaseName = await PostgresCluster.CreateDatabaseAsync().ConfigureAwait(false);
        _connectionString = PostgresCluster.ConnectionStringFor(_databaseName);
    }

    public async Task DisposeAsync()
    {
        if (_databaseName is not null)
        {
            await PostgresCluster.DropDatabaseAsync(_databaseName).ConfigureAwait(false);
        }
    }

    private static InvalidOperationException NotInitialized() =>
        new("The fixture is used before xunit initialized it (IAsyncLifetime.InitializeAsync).");
}
