using CoordinationHub.Rpc.Client;
using CoordinationHub.Rpc.Internal;
using CoordinationHub.Rpc.Tests.Infrastructure;
using Grpc.Testing;
using Microsoft.AspNetCore.Http.Features;

namespace CoordinationHub.Rpc.Tests.Client;

public sealed class DeadlineTests(RawHttp2ServerFixture server) : IClassFixture<RawHttp2ServerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AsyncUnaryCall_ServerStallsPastDeadline_ThrowsDeadlineExceededAndServerSeesTimeoutAndAbort()
    {
        var timeoutHeader = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, async context =>
        {
            timeoutHeader.SetResult(context.Request.Headers["grpc-timeout"].ToString());
            await RawGrpc.WaitForAbortAsync(context);
            aborted.SetResult();
        });
        using var channel = server.CreateChannel();

        using var call = channel.AsyncUnaryCall(method, new SimpleRequest(), new CallOptions { Deadline = DateTime.UtcNow.AddMilliseconds(300) });
        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, exception.StatusCode);
        Assert.Equal(StatusCode.DeadlineExceeded, call.GetStatus().Code);
        Assert.True(GrpcTimeout.TryParse(await timeoutHeader.Task, out var timeout));
        Assert.InRange(timeout, TimeSpan.FromTicks(1), TimeSpan.FromMilliseconds(300));
        await aborted.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task AsyncUnaryCall_DeadlineAlreadyPassed_FailsAtOnceWithoutSending()
    {
        var invoked = false;
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, context =>
        {
            invoked = true;
            return RawGrpc.WaitForAbortAsync(context);
        });
        using var channel = server.CreateChannel();

        using var call = channel.AsyncUnaryCall(method, new SimpleRequest(), new CallOptions { Deadline = DateTime.UtcNow.AddSeconds(-1) });

        Assert.True(call.ResponseAsync.IsCompleted);
        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.DeadlineExceeded, exception.StatusCode);
        await Assert.ThrowsAsync<RpcException>(() => call.ResponseHeadersAsync);
        Assert.False(invoked);
    }

    [Fact]
    public async Task AsyncUnaryCall_TimerFiresBeforeClockReachesDeadline_KeepsCallRunningUntilDeadline()
    {
        var clock = new ManualTimeProvider();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, async context =>
        {
            entered.SetResult();
            await RawGrpc.WaitForAbortAsync(context);
            aborted.SetResult();
        });
        using var channel = server.CreateChannel(new RpcChannelOptions { TimeProvider = clock });
        var deadline = clock.GetUtcNow().UtcDateTime.AddSeconds(5);

        using var call = channel.AsyncUnaryCall(method, new SimpleRequest(), new CallOptions { Deadline = deadline });
        await entered.Task.WaitAsync(Patience);
        clock.Advance(TimeSpan.FromSeconds(4));
        clock.FireTimers();

        // The status is recorded synchronously by the timer callback, so a premature expiry would show here.
        Assert.Throws<InvalidOperationException>(() => call.GetStatus());
        clock.Advance(TimeSpan.FromSeconds(1));
        clock.FireTimers();
        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.DeadlineExceeded, exception.StatusCode);
        await aborted.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task AsyncServerStreamingCall_ResetCancelArrivesAfterDeadline_ReportsDeadlineExceeded()
    {
        var clock = new ManualTimeProvider();
        var resetNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var method = server.Map<StreamingOutputCallRequest, StreamingOutputCallResponse>(MethodType.ServerStreaming, async context =>
        {
            await RawGrpc.StartAsync(context);
            await RawGrpc.WriteAsync(context, RawGrpc.Frame(new StreamingOutputCallResponse()));
            await resetNow.Task;
            context.Features.GetRequiredFeature<IHttpResetFeature>().Reset(0x8);
        });
        using var channel = server.CreateChannel(new RpcChannelOptions { TimeProvider = clock });
        var deadline = clock.GetUtcNow().UtcDateTime.AddSeconds(5);

        using var call = channel.AsyncServerStreamingCall(method, new StreamingOutputCallRequest(), new CallOptions { Deadline = deadline });
        await using var responses = call.ReadAllAsync().GetAsyncEnumerator();
        Assert.True(await responses.MoveNextAsync());
        // The local timer is late (it never fires here); the server's CANCEL arrives first.
        clock.Advance(TimeSpan.FromSeconds(6));
        resetNow.SetResult();
        var exception = await Assert.ThrowsAsync<RpcException>(async () => await responses.MoveNextAsync());

        Assert.Equal(StatusCode.DeadlineExceeded, exception.StatusCode);
    }

    [Fact]
    public void AsyncUnaryCall_DeadlineNotUtc_ThrowsArgumentException()
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, RawGrpc.WaitForAbortAsync);
        using var channel = server.CreateChannel();
        var localDeadline = DateTime.SpecifyKind(DateTime.UtcNow.AddSeconds(5), DateTimeKind.Local);

        Assert.Throws<ArgumentException>(() => channel.AsyncUnaryCall(method, new SimpleRequest(), new CallOptions { Deadline = localDeadline }));
    }
}
