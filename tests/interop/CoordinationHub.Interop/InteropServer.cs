using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Rpc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace CoordinationHub.Interop;

/// <summary>Hosts <see cref="InteropTestService"/> on Kestrel, HTTP/2 only, with or without TLS.</summary>
public static class InteropServer
{
    public static async Task<int> RunAsync(int port, bool useTls, string certFile, string keyFile, CancellationToken cancellationToken)
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

        await using var app = builder.Build();
        app.MapRpcService<InteropTestService>();
        await app.StartAsync(cancellationToken);
        Console.WriteLine($"interop server listening on port {port} (tls={useTls.ToString().ToLowerInvariant()})");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        await app.StopAsync(CancellationToken.None);
        return 0;
    }
}
