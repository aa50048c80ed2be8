namespace CoordinationHub.Server.Persistence.Records.Notifications;

/// <summary>
/// The last sequence committed for one agency (table <c>notifications.heads</c>). Only the commit
/// trigger writes it; its row lock, held until commit, is what makes sequences follow commit order.
/// </summary>
public sealed class NotificationHeadRecord
{
    public required string AgencyId { get; set; }

    public long LastSequence { get; set; }
}
