using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Rpc.Client;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoordinationHub.Rpc.Tests.Infrastructure;

/// <summary>
/// A real Kestrel on 127.0.0.1 speaking HTTP/2 only, once in cleartext (h2c) and once over TLS with
/// a certificate made for the run. It has no gRPC server in it: each test maps its own path to a
/// handler that answers at the HTTP level, byte by byte, so the client can be tested against
/// well-formed and malformed responses alike.
/// </summary>
public sealed class RawHttp2ServerFixture : IAsyncLifetime
{
    public const string ServiceName = "raw.v1.RawService";

    private readonly ConcurrentDictionary<string, RequestDelegate> _handlers = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private int _nextMethodId;

    /// <summary>The server's self-signed certificate, for localhost and 127.0.0.1; trust it as a root.</summary>
    public X509Certificate2 ServerCertificate { get; } = TestCertificates.Create("CN=localhost", TestCertificates.ServerAuthentication);

    public Uri HttpAddress { get; private set; } = null!;

    public Uri HttpsAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // A handler that waits forever after a failed test must not hold the run for 30 s.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificate = ServerCertificate,
                    ClientCertificateMode = ClientCertificateMode.AllowCertificate,
                    ClientCertificateValidation = (_, _, _) => true,
                });
            });
        });
        _app = builder.Build();
        _app.Run(context => _handlers.TryGetValue(context.Request.Path.Value ?? string.Empty, out var handler)
            ? handler(context)
            : Results.NotFound().ExecuteAsync(context));
        await _app.StartAsync();

        var addresses = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        HttpAddress = new Uri(addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal)));
        HttpsAddress = new Uri(addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal)));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        ServerCertificate.Dispose();
    }

    /// <summary>Maps a fresh method path, unique per call, to <paramref name="handler"/>.</summary>
    public Method<TRequest, TResponse> Map<TRequest, TResponse>(
        MethodType type, RequestDelegate handler, [CallerMemberName] string name = "")
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var method = new Method<TRequest, TResponse>(
            type,
            ServiceName,
            $"{name}_{Interlocked.Increment(ref _nextMethodId)}",
            (MessageParser<TRequest>)new TRequest().Descriptor.Parser,
            (MessageParser<TResponse>)new TResponse().Descriptor.Parser);
        _handlers[method.FullName] = handler;
        return method;
    }

    /// <summary>A channel over cleartext HTTP/2.</summary>
    public RpcChannel CreateChannel(RpcChannelOptions? options = null) => RpcChannel.ForAddress(HttpAddress, options);

    /// <summary>A channel over TLS that trusts the server certificate as its only root, unless the options say otherwise.</summary>
    public RpcChannel CreateTlsChannel(RpcChannelOptions? options = null)
    {
        options ??= new RpcChannelOptions();
        options.TrustedRoots ??= [ServerCertificate];
        return RpcChannel.ForAddress(HttpsAddress, options);
    }
}
