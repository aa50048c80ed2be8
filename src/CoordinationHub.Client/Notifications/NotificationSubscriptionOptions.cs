namespace CoordinationHub.Client.Notifications;

/// <summary>How a <see cref="NotificationSubscription"/> reconnects after its stream was cut.</summary>
public sealed record NotificationSubscriptionOptions
{
    /// <summary>The median delay before the first reconnection of an outage; it doubles with each failed one.</summary>
    public TimeSpan InitialReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest delay between two reconnections.</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Reconnections in a row without receiving anything before the subscription gives up with the last error; unlimited by default.</summary>
    public int MaxReconnectAttempts { get; init; } = int.MaxValue;
}
