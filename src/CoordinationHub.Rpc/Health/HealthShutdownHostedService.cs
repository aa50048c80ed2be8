using Microsoft.Extensions.Hosting;

namespace CoordinationHub.Rpc.Health;

/// <summary>
/// Reports the server NOT_SERVING as soon as the host starts stopping. ApplicationStopping fires before Kestrel
/// drains its requests, so load balancers stop sending new calls and Watch streams end instead of holding the
/// shutdown until its timeout.
/// </summary>
internal sealed class HealthShutdownHostedService(HealthStatusRegistry statuses, IHostApplicationLifetime lifetime) : IHostedService, IDisposable
{
    private CancellationTokenRegistration _registration;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _registration = lifetime.ApplicationStopping.Register(statuses.EnterShutdown);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _registration.Dispose();
}
