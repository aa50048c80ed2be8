using CoordinationHub.Rpc.Client;
using CoordinationHub.Rpc.Tests.Infrastructure;
using Grpc.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CoordinationHub.Rpc.Tests.Client;

public sealed class ResponseValidationTests(RawHttp2ServerFixture server) : IClassFixture<RawHttp2ServerFixture>
{
    [Theory]
    [InlineData(400, StatusCode.Internal)]
    [InlineData(401, StatusCode.Unauthenticated)]
    [InlineData(403, StatusCode.PermissionDenied)]
    [InlineData(404, StatusCode.Unimplemented)]
    [InlineData(429, StatusCode.Unavailable)]
    [InlineData(502, StatusCode.Unavailable)]
    [InlineData(503, StatusCode.Unavailable)]
    [InlineData(504, StatusCode.Unavailable)]
    [InlineData(500, StatusCode.Unknown)]
    [InlineData(415, StatusCode.Unknown)]
    public async Task AsyncUnaryCall_HttpErrorWithoutGrpcStatus_MapsHttpStatus(int httpStatus, StatusCode expected)
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, context =>
        {
            context.Response.StatusCode = httpStatus;
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync("proxy says no");
        });
        using var channel = server.CreateChannel();

        var exception = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(method, new SimpleRequest()));

        Assert.Equal(expected, exception.StatusCode);
        Assert.Contains(httpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResponseHeadersAsync_ResponseNotGrpc_ThrowsCallStatus()
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers["x-proxy"] = "edge-1";
            return Task.CompletedTask;
        });
        using var channel = server.CreateChannel();

        using var call = channel.AsyncUnaryCall(method, new SimpleRequest());
        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseHeadersAsync);

        Assert.Equal(StatusCode.Unavailable, exception.StatusCode);
    }

    [Fact]
    public async Task ResponseHeadersAsync_TrailersOnlyResponse_ReturnsItsMetadata()
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, context =>
        {
            RawGrpc.SetTrailersOnly(context, StatusCode.NotFound);
            context.Response.Headers["x-reason"] = "missing";
            return Task.CompletedTask;
        });
        using var channel = server.CreateChannel();

        using var call = channel.AsyncUnaryCall(method, new SimpleRequest());
        var headers = await call.ResponseHeadersAsync;

        Assert.Equal("missing", headers.GetValue("x-reason"));
        await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
    }

    [Fact]
    public async Task AsyncUnaryCall_HttpErrorWithGrpcStatus_UsesGrpcStatus()
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, context =>
        {
            RawGrpc.SetTrailersOnly(context, StatusCode.InvalidArgument, "explicit");
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });
        using var channel = server.CreateChannel();

        var exception = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(method, new SimpleRequest()));

        Assert.Equal(new RpcStatus(StatusCode.InvalidArgument, "explicit"), exception.Status);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/grpc-web")]
    [InlineData("application/grpc+json")]
    public async Task AsyncUnaryCall_NonGrpcContentType_ThrowsInternal(string contentType)
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, async context =>
        {
            context.Response.ContentType = contentType;
            await context.Response.Body.WriteAsync(RawGrpc.Frame(new SimpleResponse()));
            context.Response.AppendTrailer("grpc-status", "0");
        });
        using var channel = server.CreateChannel();

        var exception = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(method, new SimpleRequest()));

        Assert.Equal(StatusCode.Internal, exception.StatusCode);
        Assert.Contains(contentType, exception.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsyncUnaryCall_GrpcContentTypeWithProtoSuffix_IsAccepted()
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, async context =>
        {
            context.Response.ContentType = "application/grpc+proto";
            await context.Response.Body.WriteAsync(RawGrpc.Frame(new SimpleResponse { Username = "proto" }));
            RawGrpc.AppendStatusTrailers(context, StatusCode.OK);
        });
        using var channel = server.CreateChannel();

        var response = await channel.UnaryAsync(method, new SimpleRequest());

        Assert.Equal("proto", response.Username);
    }

    [Theory]
    [InlineData(0x8, StatusCode.Cancelled)]
    [InlineData(0x7, StatusCode.Unavailable)]
    [InlineData(0xB, StatusCode.ResourceExhausted)]
    [InlineData(0xC, StatusCode.PermissionDenied)]
    [InlineData(0x2, StatusCode.Internal)]
    [InlineData(0x1, StatusCode.Internal)]
    public async Task AsyncUnaryCall_ServerResetsStream_MapsHttp2ErrorCode(int errorCode, StatusCode expected)
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, async context =>
        {
            // After the HEADERS, so the handler cannot retry a refused stream on its own.
            await RawGrpc.StartAsync(context);
            context.Features.GetRequiredFeature<IHttpResetFeature>().Reset(errorCode);
        });
        using var channel = server.CreateChannel();

        var exception = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(method, new SimpleRequest()));

        Assert.Equal(expected, exception.StatusCode);
    }
}
