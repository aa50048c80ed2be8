using System.Collections.Concurrent;

namespace CoordinationHub.Server.Services.Notifications;

/// <summary>
/// The streams open on this replica, by agency, and a way to wake them. A wake-up carries no data:
/// the woken stream reads the outbox, so a lost or doubled wake-up costs latency, never a notification.
/// </summary>
public sealed class NotificationWakeups
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<NotificationWakeup, byte>> _byAgency = new(StringComparer.Ordinal);

    /// <summary>Registers a stream of <paramref name="agencyId"/>; dispose the result when the stream ends.</summary>
    public NotificationWakeup Register(string agencyId)
    {
        var wakeup = new NotificationWakeup(this, agencyId);
        _byAgency.GetOrAdd(agencyId, _ => new()).TryAdd(wakeup, 0);
        return wakeup;
    }

    /// <summary>Wakes the streams of one agency.</summary>
    public void Wake(string agencyId)
    {
        if (_byAgency.TryGetValue(agencyId, out var streams))
        {
            foreach (var stream in streams.Keys)
            {
                stream.Signal();
            }
        }
    }

    /// <summary>Wakes every stream: after the listener reconnects, notifications may have been missed.</summary>
    public void WakeAll()
    {
        foreach (var streams in _byAgency.Values)
        {
            foreach (var stream in streams.Keys)
            {
                stream.Signal();
            }
        }
    }

    internal void Remove(NotificationWakeup wakeup)
    {
        if (_byAgency.TryGetValue(wakeup.AgencyId, out var streams))
        {
            streams.TryRemove(wakeup, out _);
        }
    }
}
