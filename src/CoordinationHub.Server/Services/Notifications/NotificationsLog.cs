namespace CoordinationHub.Server.Services.Notifications;

/// <summary>Log messages of notification delivery. Event ids 4200-4299. The outbox and the audit trail, not the log, record what was notified.</summary>
internal static partial class NotificationsLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "Listening for notifications on channel {Channel}.")]
    public static partial void Listening(ILogger logger, string channel);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "The notification listener lost its connection; streams poll the outbox until it is back.")]
    public static partial void ListenerFailed(ILogger logger, Exception exception);
}
