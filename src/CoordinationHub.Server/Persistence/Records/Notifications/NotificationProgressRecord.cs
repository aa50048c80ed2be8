namespace CoordinationHub.Server.Persistence.Records.Notifications;

/// <summary>How far one agency acknowledged its notifications (table <c>notifications.progress</c>).</summary>
public sealed class NotificationProgressRecord
{
    public required string AgencyId { get; set; }

    public long AckedSequence { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
