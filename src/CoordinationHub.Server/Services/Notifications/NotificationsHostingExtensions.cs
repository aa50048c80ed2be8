namespace CoordinationHub.Server.Services.Notifications;

/// <summary>Notification options, the wake-ups of this replica's streams and the LISTEN connection.</summary>
public static class NotificationsHostingExtensions
{
    public static IServiceCollection AddHubNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<NotificationWakeups>();
        services.AddHostedService<NotificationListener>();
        return services;
    }
}
