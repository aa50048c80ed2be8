namespace CoordinationHub.Client.Notifications;

/// <summary>
/// Where an adapter keeps the sequence of the last notification it processed, per agency, so that a
/// <see cref="NotificationSubscription"/> resumes after it on restart. Keep it next to the adapter's
/// own data (ideally saved in the same transaction as the effect of the notification); the hub's
/// acknowledged position is only the fallback for an agency with no cursor yet.
/// </summary>
public interface INotificationCursorStore
{
    /// <summary>The last processed sequence of <paramref name="agencyId"/>, or null when none was saved.</summary>
    ValueTask<long?> LoadAsync(string agencyId, CancellationToken cancellationToken);

    /// <summary>Records that every notification of <paramref name="agencyId"/> up to <paramref name="sequence"/> was processed; durable when it returns.</summary>
    ValueTask SaveAsync(string agencyId, long sequence, CancellationToken cancellationToken);
}
