using System.Net;
using CoordinationHub.Interop;
using CoordinationHub.Rpc.Tests.Infrastructure;
using Grpc.Testing;

namespace CoordinationHub.Rpc.Tests.Server;

/// <summary>What the server does with requests that are not well-formed gRPC calls, before any message is read.</summary>
public sealed class RequestValidationTests(RpcTestServer server) : IClassFixture<RpcTestServer>, IDisposable
{
    private readonly RawGrpcClient _client = new(server.Address);
    private static readonly byte[] EmptyFrame = RawGrpcClient.Frame(new Empty());

    [Fact]
    public async Task ValidCall_GrpcProtoContentType_ReturnsOk()
    {
        var response = await _client.SendAsync(TestServiceMethods.EmptyCall.FullName, EmptyFrame, contentType: "application/grpc+proto");

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.Equal("application/grpc", response.ContentType);
        Assert.Equal(0, response.GrpcStatus);
        Assert.False(response.IsTrailersOnly);
        Assert.Equal(5, response.Body.Length);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/grpc-web")]
    [InlineData("application/grpc+json")]
    [InlineData("text/plain")]
    public async Task WrongContentType_Returns415WithInternalStatus(string contentType)
    {
        var response = await _client.SendAsync(TestServiceMethods.EmptyCall.FullName, EmptyFrame, contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.HttpStatus);
        Assert.Equal(13, response.GrpcStatus);
        Assert.Contains(contentType, response.GrpcMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http11Request_Returns426()
    {
        var response = await _client.SendAsync(TestServiceMethods.EmptyCall.FullName, EmptyFrame, version: HttpVersion.Version11);

        Assert.Equal(HttpStatusCode.UpgradeRequired, response.HttpStatus);
        Assert.Contains("HTTP/2", response.GrpcMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutRequest_Returns405WithAllowPost()
    {
        var response = await _client.SendAsync(TestServiceMethods.EmptyCall.FullName, EmptyFrame, method: HttpMethod.Put);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.HttpStatus);
    }

    [Fact]
    public async Task UnknownService_ReturnsTrailersOnlyUnimplemented()
    {
        var response = await _client.SendAsync("/grpc.testing.UnimplementedService/UnimplementedCall", EmptyFrame);

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.True(response.IsTrailersOnly);
        Assert.Equal(12, response.GrpcStatus);
        Assert.Contains("grpc.testing.UnimplementedService", response.GrpcMessage, StringComparison.Ordinal);
        Assert.Empty(response.Body);
    }

    [Fact]
    public async Task UnknownMethodOfKnownService_ReturnsUnimplementedMethod()
    {
        var response = await _client.SendAsync("/grpc.testing.TestService/UnimplementedCall", EmptyFrame);

        Assert.True(response.IsTrailersOnly);
        Assert.Equal(12, response.GrpcStatus);
        Assert.StartsWith("Method is unimplemented", response.GrpcMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPathNotServiceSlashMethod_Returns404()
    {
        var response = await _client.SendAsync("/grpc.testing.TestService/UnaryCall/extra", EmptyFrame);

        Assert.Equal(HttpStatusCode.NotFound, response.HttpStatus);
        Assert.Null(response.GrpcStatus);
    }

    [Fact]
    public async Task UnknownPathWithoutGrpcContentType_Returns404()
    {
        var response = await _client.SendAsync("/not/grpc", [], contentType: "text/plain");

        Assert.Equal(HttpStatusCode.NotFound, response.HttpStatus);
        Assert.Null(response.GrpcStatus);
    }

    [Fact]
    public async Task UnsupportedEncoding_ReturnsUnimplementedListingAcceptedEncodings()
    {
        var response = await _client.SendAsync(TestServiceMethods.EmptyCall.FullName, EmptyFrame,
            configure: r => r.Headers.Add("grpc-encoding", "snappy"));

        Assert.True(response.IsTrailersOnly);
        Assert.Equal(12, response.GrpcStatus);
        Assert.Contains("snappy", response.GrpcMessage, StringComparison.Ordinal);
        Assert.Contains("gzip", response.Get("grpc-accept-encoding"), StringComparison.Ordinal);
    }

    public void Dispose() => _client.Dispose();
}
