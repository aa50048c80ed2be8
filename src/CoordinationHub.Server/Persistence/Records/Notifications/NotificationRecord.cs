namespace CoordinationHub.Server.Persistence.Records.Notifications;

/// <summary>
/// One notification to one recipient (table <c>notifications.outbox</c>), written in the same
/// transaction as the change that caused it. <see cref="Sequence"/> is assigned at commit by a
/// deferred trigger (docs/adr/0010-notifications-outbox.md): inserts leave it null.
/// </summary>
public sealed class NotificationRecord
{
    public long Id { get; set; }

    public Guid NotificationId { get; set; }

    public required string RecipientAgencyId { get; set; }

    /// <summary>The recipient's cursor, 1, 2, 3, ... in commit order; null only inside the writing transaction.</summary>
    public long? Sequence { get; set; }

    public required string CaseId { get; set; }

    /// <summary>The API enum name without prefix, for example <c>IDENTIFICATION_REPORTED</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The serialized <c>coordination.v1.Notification</c> as cut for this recipient, without sequence.</summary>
    public required byte[] Payload { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
