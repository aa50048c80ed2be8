namespace CoordinationHub.Server.Persistence.Configurations.Notifications;

/// <summary>The <c>notifications</c> schema: the outbox, each agency's head sequence and acknowledged progress.</summary>
internal static class NotificationSchema
{
    public const string Name = "notifications";
}
