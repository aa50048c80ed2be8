using Npgsql;

namespace CoordinationHub.Testing.Tests;

/// <summary>What tells one PostgreSQL server from another: its port and when its postmaster started.</summary>
public sealed record ServerIdentity(int Port, DateTime PostmasterStarted)
{
    public static async Task<ServerIdentity> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT current_setting('port')::int, pg_postmaster_start_time()", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new ServerIdentity(reader.GetInt32(0), reader.GetDateTime(1));
    }
}
