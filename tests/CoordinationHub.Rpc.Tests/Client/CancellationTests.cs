using CoordinationHub.Rpc.Client;
using CoordinationHub.Rpc.Tests.Infrastructure;
using Grpc.Testing;

namespace CoordinationHub.Rpc.Tests.Client;

public sealed class CancellationTests(RawHttp2ServerFixture server) : IClassFixture<RawHttp2ServerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AsyncUnaryCall_TokenCancelledWhileServerWaits_ThrowsCancelledAndServerSeesAbort()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, async context =>
        {
            entered.SetResult();
            await RawGrpc.WaitForAbortAsync(context);
            aborted.SetResult();
        });
        using var channel = server.CreateChannel();
        using var cancellation = new CancellationTokenSource();

        using var call = channel.AsyncUnaryCall(method, new SimpleRequest(), new CallOptions { CancellationToken = cancellation.Token });
        await entered.Task.WaitAsync(Patience);
        await cancellation.CancelAsync();
        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.Cancelled, exception.StatusCode);
        await aborted.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task AsyncUnaryCall_TokenAlreadyCancelled_FailsAtOnceWithoutSending()
    {
        var invoked = false;
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, context =>
        {
            invoked = true;
            return RawGrpc.WaitForAbortAsync(context);
        });
        using var channel = server.CreateChannel();

        using var call = channel.AsyncUnaryCall(method, new SimpleRequest(), new CallOptions { CancellationToken = new CancellationToken(canceled: true) });

        Assert.True(call.ResponseAsync.IsCompleted);
        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, exception.StatusCode);
        Assert.False(invoked);
    }

    [Fact]
    public async Task AsyncServerStreamingCall_DisposedAfterFirstMessage_ServerSeesAbortAndStatusIsCancelled()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var method = server.Map<StreamingOutputCallRequest, StreamingOutputCallResponse>(MethodType.ServerStreaming, async context =>
        {
            await RawGrpc.StartAsync(context);
            await RawGrpc.WriteAsync(context, RawGrpc.Frame(new StreamingOutputCallResponse()));
            await RawGrpc.WaitForAbortAsync(context);
            aborted.SetResult();
        });
        using var channel = server.CreateChannel();

        var call = channel.AsyncServerStreamingCall(method, new StreamingOutputCallRequest());
        await using (var responses = call.ReadAllAsync().GetAsyncEnumerator())
        {
            Assert.True(await responses.MoveNextAsync());
        }

        call.Dispose();

        await aborted.Task.WaitAsync(Patience);
        Assert.Equal(StatusCode.Cancelled, call.GetStatus().Code);
    }

    [Fact]
    public async Task ReadAllAsync_TokenCancelledMidStream_ThrowsCancelledAndServerSeesAbort()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var method = server.Map<StreamingOutputCallRequest, StreamingOutputCallResponse>(MethodType.ServerStreaming, async context =>
        {
            await RawGrpc.StartAsync(context);
            await RawGrpc.WriteAsync(context, RawGrpc.Frame(new StreamingOutputCallResponse()));
            await RawGrpc.WaitForAbortAsync(context);
            aborted.SetResult();
        });
        using var channel = server.CreateChannel();
        using var cancellation = new CancellationTokenSource();

        using var call = channel.AsyncServerStreamingCall(method, new StreamingOutputCallRequest());
        var received = 0;
        var exception = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var unused in call.ReadAllAsync(cancellation.Token))
            {
                received++;
                await cancellation.CancelAsync();
            }
        });

        Assert.Equal(1, received);
        Assert.Equal(StatusCode.Cancelled, exception.StatusCode);
        await aborted.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task AsyncDuplexStreamingCall_Disposed_PendingWriteAndReadReportCancelled()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var method = server.Map<StreamingOutputCallRequest, StreamingOutputCallResponse>(MethodType.DuplexStreaming, async context =>
        {
            await RawGrpc.StartAsync(context);
            await RawGrpc.WaitForAbortAsync(context);
            aborted.SetResult();
        });
        using var channel = server.CreateChannel();

        var call = channel.AsyncDuplexStreamingCall(method);
        await call.ResponseHeadersAsync.WaitAsync(Patience);
        call.Dispose();

        var writeException = await Assert.ThrowsAsync<RpcException>(() => call.RequestStream.WriteAsync(new StreamingOutputCallRequest()));
        var readException = await Assert.ThrowsAsync<RpcException>(async () => await call.ReadAllAsync().GetAsyncEnumerator().MoveNextAsync());
        Assert.Equal(StatusCode.Cancelled, writeException.StatusCode);
        Assert.Equal(StatusCode.Cancelled, readException.StatusCode);
        await aborted.Task.WaitAsync(Patience);
    }
}
