using Npgsql;

namespace CoordinationHub.Server.Tests.Audit;

/// <summary>
/// What an insider with database superuser rights could do to the log: change rows behind the hub's
/// back. <c>session_replication_role = replica</c> switches off the append-only triggers, as such
/// an insider would.
/// </summary>
internal static class AuditTampering
{
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SET session_replication_role = replica; " + sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
