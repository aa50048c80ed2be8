using System.Net;
using CoordinationHub.Interop;
using CoordinationHub.Rpc.Health;
using CoordinationHub.Rpc.Reflection;
using CoordinationHub.Rpc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoordinationHub.Rpc.Tests.Infrastructure;

/// <summary>
/// Kestrel on a free loopback port speaking h2c (as grpcurl -plaintext and grpc_health_probe do), serving health,
/// reflection and the interop TestService, with the registration calls a host would make.
/// </summary>
public sealed class StandardServicesTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http = new(new SocketsHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan };

    private StandardServicesTestServer(WebApplication app, TestLogSink logs)
    {
        _app = app;
        Logs = logs;
        Address = new Uri(app.Urls.Single());
    }

    public Uri Address { get; }

    public TestLogSink Logs { get; }

    public HealthStatusRegistry Health => _app.Services.GetRequiredService<HealthStatusRegistry>();

    public static async Task<StandardServicesTestServer> StartAsync()
    {
        var logs = new TestLogSink();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddRpcServer().AddRpcHealthChecks();
        var app = builder.Build();
        app.MapRpcHealthService();
        app.MapRpcReflectionService();
        app.MapRpcService<InteropTestService>();
        await app.StartAsync();
        return new StandardServicesTestServer(app, logs);
    }

    public StreamingGrpcCall StartCall(IMethod method) => new(_http, Address, method.FullName);

    /// <summary>Stops the host as on SIGTERM, within <paramref name="timeout"/>.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _app.StopAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }
}
