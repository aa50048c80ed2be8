using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Migrations.Sql;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoordinationHub.Server.Services.Notifications;

/// <summary>
/// Holds one dedicated PostgreSQL connection that LISTENs for the commit trigger's NOTIFY and wakes
/// the streams of the named agency on this replica, whichever replica committed. When the
/// connection breaks it reconnects and wakes every stream, since a NOTIFY sent meanwhile is lost;
/// the streams' own polling covers the gap.
/// </summary>
internal sealed class NotificationListener(IOptions<HubDatabaseOptions> database, NotificationWakeups wakeups, ILogger<NotificationListener> logger) : BackgroundService
{
    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                NotificationsLog.ListenerFailed(logger, e);
                await Task.Delay(RetryDelay, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        // Keepalive lets the idle wait notice a dead server; the pool would hand the listening
        // session to someone else, so this connection is kept out of it.
        var builder = new NpgsqlConnectionStringBuilder(database.Value.ConnectionString) { Pooling = false, KeepAlive = 15 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        connection.Notification += (_, e) => wakeups.Wake(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {IdentificationsAndNotificationsSql.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        NotificationsLog.Listening(logger, IdentificationsAndNotificationsSql.Channel);
        wakeups.WakeAll();
        while (true)
        {
            if (!await connection.WaitAsync(IdleCheck, cancellationToken).ConfigureAwait(false))
            {
                await using var ping = new NpgsqlCommand("SELECT 1", connection);
                await ping.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
