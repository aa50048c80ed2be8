using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using CoordinationHub.Rpc.Client;
using CoordinationHub.Rpc.Tests.Infrastructure;
using Grpc.Testing;

namespace CoordinationHub.Rpc.Tests.Client;

public sealed class ConnectionTests(RawHttp2ServerFixture server) : IClassFixture<RawHttp2ServerFixture>
{
    [Fact]
    public async Task AsyncUnaryCall_NothingListening_ThrowsUnavailable()
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, RawGrpc.WaitForAbortAsync);
        using var channel = RpcChannel.ForAddress(new Uri($"http://127.0.0.1:{ClosedPort()}"));

        var exception = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(method, new SimpleRequest()));

        Assert.Equal(StatusCode.Unavailable, exception.StatusCode);
        Assert.NotNull(exception.InnerException);
    }

    [Fact]
    public async Task AsyncUnaryCall_TlsWithServerCertificateAsTrustedRoot_Succeeds()
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, async context =>
        {
            await RawGrpc.StartAsync(context);
            await RawGrpc.WriteAsync(context, RawGrpc.Frame(new SimpleResponse { Username = $"{context.Request.Scheme} {context.Request.Protocol}" }));
            RawGrpc.AppendStatusTrailers(context, StatusCode.OK);
        });
        using var channel = server.CreateTlsChannel();

        var response = await channel.UnaryAsync(method, new SimpleRequest());

        Assert.Equal("https HTTP/2", response.Username);
    }

    [Fact]
    public async Task AsyncUnaryCall_TlsWithOtherTrustedRoot_ThrowsUnavailable()
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, RawGrpc.WaitForAbortAsync);
        using var otherRoot = TestCertificates.Create("CN=localhost", TestCertificates.ServerAuthentication);
        using var channel = server.CreateTlsChannel(new RpcChannelOptions { TrustedRoots = [otherRoot] });

        var exception = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(method, new SimpleRequest()));

        Assert.Equal(StatusCode.Unavailable, exception.StatusCode);
        Assert.Contains(Causes(exception), e => e is AuthenticationException);
    }

    [Fact]
    public async Task AsyncUnaryCall_ClientCertificate_IsPresentedToServer()
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, async context =>
        {
            await RawGrpc.StartAsync(context);
            var subject = context.Connection.ClientCertificate?.Subject ?? "none";
            await RawGrpc.WriteAsync(context, RawGrpc.Frame(new SimpleResponse { Username = subject }));
            RawGrpc.AppendStatusTrailers(context, StatusCode.OK);
        });
        using var clientCertificate = TestCertificates.Create("CN=agency-test-client", TestCertificates.ClientAuthentication);
        using var channel = server.CreateTlsChannel(new RpcChannelOptions { ClientCertificate = clientCertificate });

        var response = await channel.UnaryAsync(method, new SimpleRequest());

        Assert.Equal("CN=agency-test-client", response.Username);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("/relative")]
    public void ForAddress_NotHttpOrHttps_ThrowsArgumentException(string address)
    {
        Assert.Throws<ArgumentException>(() => RpcChannel.ForAddress(new Uri(address, UriKind.RelativeOrAbsolute)));
    }

    [Fact]
    public void ForAddress_TrustedRootsWithCleartextAddress_ThrowsArgumentException()
    {
        var options = new RpcChannelOptions { TrustedRoots = [server.ServerCertificate] };

        Assert.Throws<ArgumentException>(() => RpcChannel.ForAddress(server.HttpAddress, options));
    }

    [Fact]
    public async Task AsyncUnaryCall_DisposedChannel_ThrowsObjectDisposed()
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, RawGrpc.WaitForAbortAsync);
        var channel = server.CreateChannel();
        channel.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => channel.UnaryAsync(method, new SimpleRequest()));
    }

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (var current = exception.InnerException; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
