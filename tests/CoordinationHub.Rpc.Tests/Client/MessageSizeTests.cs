using CoordinationHub.Rpc.Client;
using CoordinationHub.Rpc.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Testing;

namespace CoordinationHub.Rpc.Tests.Client;

public sealed class MessageSizeTests(RawHttp2ServerFixture server) : IClassFixture<RawHttp2ServerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AsyncUnaryCall_PrefixOverDefaultLimit_ThrowsResourceExhaustedWithoutWaitingForBody()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, async context =>
        {
            await RawGrpc.StartAsync(context);
            // Only the prefix: a client that waited for the 4 MiB + 1 body would hang here.
            await RawGrpc.WriteAsync(context, RawGrpc.RawFrame(0, 4 * 1024 * 1024 + 1, []));
            await RawGrpc.WaitForAbortAsync(context);
            aborted.SetResult();
        });
        using var channel = server.CreateChannel();

        var exception = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(method, new SimpleRequest()));

        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
        await aborted.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task AsyncUnaryCall_ResponseOverConfiguredLimit_ThrowsResourceExhausted()
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, async context =>
        {
            await RawGrpc.StartAsync(context);
            await RawGrpc.WriteAsync(context, RawGrpc.Frame(new SimpleResponse { Username = new string('x', 200) }));
            RawGrpc.AppendStatusTrailers(context, StatusCode.OK);
        });
        using var channel = server.CreateChannel(new RpcChannelOptions { MaxReceiveMessageSize = 100 });

        var exception = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(method, new SimpleRequest()));

        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
    }

    [Fact]
    public async Task AsyncUnaryCall_RequestOverSendLimit_ThrowsResourceExhaustedWithoutSending()
    {
        var invoked = false;
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, context =>
        {
            invoked = true;
            return RawGrpc.WaitForAbortAsync(context);
        });
        using var channel = server.CreateChannel(new RpcChannelOptions { MaxSendMessageSize = 100 });

        using var call = channel.AsyncUnaryCall(method, new SimpleRequest { Payload = Payload(200) });

        Assert.True(call.ResponseAsync.IsCompleted);
        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, exception.StatusCode);
        Assert.False(invoked);
    }

    [Fact]
    public async Task WriteAsync_MessageOverSendLimit_EndsCallWithResourceExhausted()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var method = server.Map<StreamingInputCallRequest, StreamingInputCallResponse>(MethodType.ClientStreaming, async context =>
        {
            await RawGrpc.WaitForAbortAsync(context);
            aborted.SetResult();
        });
        using var channel = server.CreateChannel(new RpcChannelOptions { MaxSendMessageSize = 100 });

        using var call = channel.AsyncClientStreamingCall(method);
        await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = Payload(10) });
        var writeException = await Assert.ThrowsAsync<RpcException>(() => call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = Payload(200) }));
        var responseException = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, writeException.StatusCode);
        Assert.Equal(StatusCode.ResourceExhausted, responseException.StatusCode);
        await aborted.Task.WaitAsync(Patience);
    }

    private static Payload Payload(int size) => new() { Body = ByteString.CopyFrom(new byte[size]) };
}
