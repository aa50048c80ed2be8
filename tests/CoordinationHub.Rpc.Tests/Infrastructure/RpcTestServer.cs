using System.Net;
using CoordinationHub.Interop;
using CoordinationHub.Rpc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoordinationHub.Rpc.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on a free loopback port, TLS with ALPN (HTTP/1.1 and HTTP/2, so tests can
/// also show what happens to a non-HTTP/2 request), serving the interop TestService and the
/// <see cref="BehaviourService"/>. Shared per test class.
/// </summary>
public sealed class RpcTestServer : IAsyncLifetime
{
    public const int MaxReceiveMessageSize = 64 * 1024;
    public const int MaxSendMessageSize = 256 * 1024;

    private WebApplication? _app;

    public Uri Address { get; private set; } = null!;

    public BehaviourProbe Probe { get; } = new();

    public TestLogSink Logs { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddProvider(Logs).SetMinimumLevel(LogLevel.Debug);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            listen.UseHttps(TestCertificates.Server);
        }));
        builder.Services.AddSingleton(Probe);
        builder.Services.AddRpcServer(options =>
        {
            options.MaxReceiveMessageSize = MaxReceiveMessageSize;
            options.MaxSendMessageSize = MaxSendMessageSize;
        });
        _app = builder.Build();
        _app.MapRpcService<InteropTestService>();
        _app.MapRpcService<BehaviourService>();
        await _app.StartAsync();
        var address = _app.Urls.Single();
        Address = new Uri(address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        Probe.Reset();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
