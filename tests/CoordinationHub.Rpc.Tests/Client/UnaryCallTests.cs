using CoordinationHub.Rpc.Client;
using CoordinationHub.Rpc.Tests.Infrastructure;
using Grpc.Testing;
using Microsoft.AspNetCore.Http;

namespace CoordinationHub.Rpc.Tests.Client;

public sealed class UnaryCallTests(RawHttp2ServerFixture server) : IClassFixture<RawHttp2ServerFixture>
{
    private const string SpecialMessage = "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n 100% done";

    [Fact]
    public async Task AsyncUnaryCall_ServerAnswersOk_ReturnsResponseStatusAndTrailers()
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, async context =>
        {
            var request = await RawGrpc.ReadAsync(context, SimpleRequest.Parser);
            await RawGrpc.StartAsync(context);
            await RawGrpc.WriteAsync(context, RawGrpc.Frame(new SimpleResponse { Username = $"size {request!.ResponseSize}" }));
            context.Response.AppendTrailer("x-served-by", "raw");
            RawGrpc.AppendStatusTrailers(context, StatusCode.OK);
        });
        using var channel = server.CreateChannel();

        using var call = channel.AsyncUnaryCall(method, new SimpleRequest { ResponseSize = 42 });
        var response = await call;

        Assert.Equal("size 42", response.Username);
        Assert.Equal(RpcStatus.Ok, call.GetStatus());
        Assert.Equal("raw", call.GetTrailers().GetValue("x-served-by"));
        Assert.Null(call.GetTrailers().GetValue("grpc-status"));
    }

    [Fact]
    public async Task UnaryAsync_ServerAnswersOk_ReturnsResponse()
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, async context =>
        {
            await RawGrpc.ReadAsync(context, SimpleRequest.Parser);
            await RawGrpc.StartAsync(context);
            await RawGrpc.WriteAsync(context, RawGrpc.Frame(new SimpleResponse { Username = "ok" }));
            RawGrpc.AppendStatusTrailers(context, StatusCode.OK);
        });
        using var channel = server.CreateChannel();

        var response = await channel.UnaryAsync(method, new SimpleRequest());

        Assert.Equal("ok", response.Username);
    }

    [Fact]
    public async Task AsyncUnaryCall_AnyCall_SendsGrpcRequestOverHttp2()
    {
        var seen = new TaskCompletionSource<Dictionary<string, string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, async context =>
        {
            var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            headers[":method"] = context.Request.Method;
            headers[":protocol"] = context.Request.Protocol;
            headers[":path"] = context.Request.Path.Value!;
            seen.SetResult(headers);
            await RawGrpc.ReadAsync(context, SimpleRequest.Parser);
            await RawGrpc.StartAsync(context);
            await RawGrpc.WriteAsync(context, RawGrpc.Frame(new SimpleResponse()));
            RawGrpc.AppendStatusTrailers(context, StatusCode.OK);
        });
        using var channel = server.CreateChannel();

        await channel.UnaryAsync(method, new SimpleRequest());
        var headers = await seen.Task;

        Assert.Equal("POST", headers[":method"]);
        Assert.Equal("HTTP/2", headers[":protocol"]);
        Assert.Equal(method.FullName, headers[":path"]);
        Assert.Equal("application/grpc", headers["content-type"]);
        Assert.Equal("trailers", headers["te"]);
        Assert.Equal("identity,gzip,deflate", headers["grpc-accept-encoding"]);
        Assert.StartsWith("coordinationhub-rpc/", headers["user-agent"], StringComparison.Ordinal);
        Assert.False(headers.ContainsKey("grpc-timeout"));
        Assert.False(headers.ContainsKey("grpc-encoding"));
    }

    [Fact]
    public async Task AsyncUnaryCall_TrailersOnlyError_ThrowsRpcExceptionWithStatusAndTrailers()
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, context =>
        {
            RawGrpc.SetTrailersOnly(context, StatusCode.NotFound, "no such thing");
            context.Response.Headers["x-reason"] = "missing";
            return Task.CompletedTask;
        });
        using var channel = server.CreateChannel();

        using var call = channel.AsyncUnaryCall(method, new SimpleRequest());
        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(new RpcStatus(StatusCode.NotFound, "no such thing"), exception.Status);
        Assert.Equal("missing", exception.Trailers.GetValue("x-reason"));
        Assert.Equal(exception.Status, call.GetStatus());
        Assert.Equal("missing", call.GetTrailers().GetValue("x-reason"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AsyncUnaryCall_StatusMessageWithSpecialCharacters_IsPercentDecoded(bool trailersOnly)
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, async context =>
        {
            if (trailersOnly)
            {
                RawGrpc.SetTrailersOnly(context, StatusCode.Unknown, SpecialMessage);
                return;
            }

            await RawGrpc.StartAsync(context);
            RawGrpc.AppendStatusTrailers(context, StatusCode.Unknown, SpecialMessage);
        });
        using var channel = server.CreateChannel();

        var exception = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(method, new SimpleRequest()));

        Assert.Equal(StatusCode.Unknown, exception.StatusCode);
        Assert.Equal(SpecialMessage, exception.Status.Detail);
    }

    [Fact]
    public async Task AsyncUnaryCall_TrailersOnlyOk_ThrowsInternalForMissingMessage()
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, context =>
        {
            RawGrpc.SetTrailersOnly(context, StatusCode.OK);
            return Task.CompletedTask;
        });
        using var channel = server.CreateChannel();

        using var call = channel.AsyncUnaryCall(method, new SimpleRequest());
        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.Internal, exception.StatusCode);
        Assert.Equal(StatusCode.Internal, call.GetStatus().Code);
    }

    [Fact]
    public async Task AsyncUnaryCall_OkTrailersWithoutMessage_ThrowsInternal()
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, async context =>
        {
            await RawGrpc.StartAsync(context);
            RawGrpc.AppendStatusTrailers(context, StatusCode.OK);
        });
        using var channel = server.CreateChannel();

        var exception = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(method, new SimpleRequest()));

        Assert.Equal(StatusCode.Internal, exception.StatusCode);
    }

    [Fact]
    public async Task AsyncUnaryCall_TwoResponseMessages_ThrowsInternal()
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, async context =>
        {
            await RawGrpc.StartAsync(context);
            await RawGrpc.WriteAsync(context, RawGrpc.Frame(new SimpleResponse { Username = "one" }));
            await RawGrpc.WriteAsync(context, RawGrpc.Frame(new SimpleResponse { Username = "two" }));
            RawGrpc.AppendStatusTrailers(context, StatusCode.OK);
        });
        using var channel = server.CreateChannel();

        using var call = channel.AsyncUnaryCall(method, new SimpleRequest());
        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.Internal, exception.StatusCode);
        Assert.Contains("more than one", exception.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsyncUnaryCall_ResponseEndsWithoutGrpcStatus_ThrowsUnknown()
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, async context =>
        {
            await RawGrpc.StartAsync(context);
            await RawGrpc.WriteAsync(context, RawGrpc.Frame(new SimpleResponse { Username = "orphan" }));
        });
        using var channel = server.CreateChannel();

        var exception = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(method, new SimpleRequest()));

        Assert.Equal(StatusCode.Unknown, exception.StatusCode);
        Assert.Contains("grpc-status", exception.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsyncUnaryCall_TruncatedMessage_ThrowsInternal()
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, async context =>
        {
            await RawGrpc.StartAsync(context);
            await RawGrpc.WriteAsync(context, RawGrpc.RawFrame(0, 10, [1, 2, 3]));
            RawGrpc.AppendStatusTrailers(context, StatusCode.OK);
        });
        using var channel = server.CreateChannel();

        var exception = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(method, new SimpleRequest()));

        Assert.Equal(StatusCode.Internal, exception.StatusCode);
    }

    [Fact]
    public async Task GetStatus_CallStillRunning_ThrowsInvalidOperation()
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, RawGrpc.WaitForAbortAsync);
        using var channel = server.CreateChannel();

        using var call = channel.AsyncUnaryCall(method, new SimpleRequest());

        Assert.Throws<InvalidOperationException>(() => call.GetStatus());
        Assert.Throws<InvalidOperationException>(() => call.GetTrailers());
    }
}
