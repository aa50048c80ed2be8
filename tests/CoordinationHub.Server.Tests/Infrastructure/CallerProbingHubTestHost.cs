using CoordinationHub.Rpc.Server;
using CoordinationHub.Testing.Hub;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationHub.Server.Tests.Infrastructure;

/// <summary>The shared test hub with a <see cref="CallerProbe"/> behind authentication, for tests of what services see.</summary>
public sealed class CallerProbingHubTestHost : HubTestHost
{
    /// <summary>The caller each admitted call carried (runs after authentication).</summary>
    public CallerProbe Callers { get; } = new();

    protected override void ConfigureHub(WebApplicationBuilder hub)
    {
        hub.Services.AddSingleton(Callers);
        hub.Services.AddSingleton<IServerCallInterceptor>(Callers);
    }
}
