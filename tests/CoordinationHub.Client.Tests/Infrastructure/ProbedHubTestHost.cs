using CoordinationHub.Rpc.Server;
using CoordinationHub.Testing.Hub;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationHub.Client.Tests.Infrastructure;

/// <summary>The shared test hub with a <see cref="CallProbe"/> after authentication, and heartbeats every 200 ms.</summary>
public sealed class ProbedHubTestHost : HubTestHost
{
    public CallProbe Probe { get; } = new();

    protected override void ConfigureHub(WebApplicationBuilder hub) => hub.Services.AddSingleton<IServerCallInterceptor>(Probe);

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Hub:Notifications:HeartbeatInterval"] = "00:00:00.200";
        return settings;
    }
}
