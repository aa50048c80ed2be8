using System.Text;
using CoordinationHub.Testing.Internal;
using Npgsql;

namespace CoordinationHub.Testing;

/// <summary>
/// The PostgreSQL server of this test process. When <c>HUB_TEST_POSTGRES</c> holds a connection
/// string (host, port, credentials), tests use that server; otherwise the first caller starts one
/// private cluster from the installed binaries (see <see cref="PostgresBinaries"/>), shared by every
/// test class of the process, stopped and deleted when the process exits. Each test class isolates
/// itself in a database of its own from <see cref="CreateDatabaseAsync"/>.
/// </summary>
public static class PostgresCluster
{
    /// <summary>Environment variable with the connection string of an existing server to use instead.</summary>
    public const string ConnectionVariable = "HUB_TEST_POSTGRES";

    private static readonly Lazy<Task<PostgresServer>> s_server =
        new(() => Task.Run(StartServer), LazyThreadSafetyMode.ExecutionAndPublication);

    private static int s_clustersStarted;

    /// <summary>How many private clusters this process started: 0 or 1.</summary>
    internal static int ClustersStarted => Volatile.Read(ref s_clustersStarted);

    /// <summary>Starts the server if no caller has yet; a failed start fails every later call the same way.</summary>
    public static Task EnsureStartedAsync() => s_server.Value;

    /// <summary>An Npgsql connection string for <paramref name="database"/> on the test server.</summary>
    public static string ConnectionStringFor(string database)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);
        var server = s_server.Value.GetAwaiter().GetResult();
        return new NpgsqlConnectionStringBuilder(server.BaseConnectionString) { Database = database }.ConnectionString;
    }

    /// <summary>
    /// Creates a fresh, empty database and returns its name, unique for every call:
    /// <paramref name="name"/>, made a valid identifier, is only its prefix.
    /// </summary>
    public static async Task<string> CreateDatabaseAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        var database = $"{Prefix(name)}_{Guid.NewGuid().ToString("N")[..16]}";
        // template0 accepts no connections, so concurrent creations never find their template busy.
        await ExecuteAdminAsync($"CREATE DATABASE \"{database}\" TEMPLATE template0", cancellationToken).ConfigureAwait(false);
        return database;
    }

    /// <summary>Drops <paramref name="database"/>, disconnecting whoever is still connected to it.</summary>
    public static async Task DropDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);
        using (var pooled = new NpgsqlConnection(ConnectionStringFor(database)))
        {
            NpgsqlConnection.ClearPool(pooled);
        }


        await ExecuteAdminAsync(
            $"DROP DATABASE IF EXISTS \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)",
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAdminAsync(string sql, CancellationToken cancellationToken)
    {
        var server = await s_server.Value.ConfigureAwait(false);
        var connectionString = new NpgsqlConnectionStringBuilder(server.BaseConnectionString) { Database = server.AdminDatabase };
        await using var connection = new NpgsqlConnection(connectionString.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static PostgresServer StartServer()
    {
        var existing = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(existing))
        {
            var builder = new NpgsqlConnectionStringBuilder(existing);
            var admin = string.IsNullOrEmpty(builder.Database) ? "postgres" : builder.Database;
            builder.Database = null;
            return new PostgresServer(builder.ConnectionString, admin, Cluster: null);
        }

        var cluster = PrivateCluster.Start(PostgresBinaries.LocateFromEnvironment());
        Interlocked.Increment(ref s_clustersStarted);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        var baseConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = cluster.Port,
            Username = PrivateCluster.Superuser,
        };
        return new PostgresServer(baseConnectionString.ConnectionString, "postgres", cluster);
    }

    // Lower-case letters, digits and underscores, starting with a letter, short enough to leave room
    // for the suffix within PostgreSQL's 63-byte identifiers.
    private static string Prefix(string? name)
    {
        var prefix = new StringBuilder();
        foreach (var c in (name ?? "").ToLowerInvariant())
        {
            prefix.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        var text = prefix.ToString().Trim('_');
        if (text.Length == 0 || !char.IsAsciiLetter(text[0]))
        {
            text = ("hub_test_" + text).TrimEnd('_');
        }

        return text.Length > 40 ? text[..40] : text;
    }
}
