using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Rpc.Health;
using CoordinationHub.Rpc.Reflection;
using CoordinationHub.Rpc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoordinationHub.Interop;

/// <summary>Hosts <see cref="InteropTestService"/> on Kestrel, HTTP/2 only, with or without TLS.</summary>
public sealed class InteropServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InteropServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    /// <summary>The port the server listens on (the one asked for, or the one picked for port 0).</summary>
    public int Port { get; }

    public static async Task<InteropServer> StartAsync(int port, bool useTls, string certFile, string keyFile, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.ListenAnyIP(port, listen =>
            {
                // h2c needs an HTTP/2-only endpoint: HTTP/1.1-or-2 without TLS can only speak HTTP/1.1.
                listen.Protocols = HttpProtocols.Http2;
                if (useTls)
                {
                    listen.UseHttps(X509Certificate2.CreateFromPemFile(certFile, keyFile));
                }
            });
        });
        builder.Services.AddRpcServer();
        builder.Services.AddRpcHealthChecks();

        var app = builder.Build();
        app.MapRpcService<InteropTestService>();
        app.MapRpcHealthService();
        app.MapRpcReflectionService();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new InteropServer(app, new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal)).Port);
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> fires (Ctrl+C), as the interop scripts need.</summary>
    public static async Task<int> RunAsync(int port, bool useTls, string certFile, string keyFile, CancellationToken cancellationToken)
    {
        await using var server = await StartAsync(port, useTls, certFile, keyFile, cancellationToken);

        // Scripts and test harnesses stop servers with SIGTERM; without this only Ctrl+C would.
        using var terminated = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            try
            {
                terminated.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // A second signal during shutdown: already stopping.
            }
        });
        cancellationToken = terminated.Token;
        Console.WriteLine($"interop server listening on port {server.Port} (tls={useTls.ToString().ToLowerInvariant()})");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
