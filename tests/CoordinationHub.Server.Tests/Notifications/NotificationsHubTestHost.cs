using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Server.Tests.Notifications;

/// <summary>The shared test hub with heartbeats every 200 ms, so a suspension closes a stream quickly.</summary>
public sealed class NotificationsHubTestHost : HubTestHost
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Hub:Notifications:HeartbeatInterval"] = "00:00:00.200";
        return settings;
    }
}
