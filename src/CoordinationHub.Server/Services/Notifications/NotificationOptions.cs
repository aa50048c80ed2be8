using System.ComponentModel.DataAnnotations;

namespace CoordinationHub.Server.Services.Notifications;

/// <summary>Notification delivery, bound from <c>Hub:Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Hub:Notifications";

    /// <summary>How often an idle stream gets a heartbeat; the agency's standing is checked at each.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often a stream looks at the outbox without being woken: the fallback should a NOTIFY be
    /// lost (the listening connection broke). The outbox is the truth; NOTIFY only makes it quick.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Notifications read from the database at a time per stream: the bound on a stream's memory.</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 100;
}
