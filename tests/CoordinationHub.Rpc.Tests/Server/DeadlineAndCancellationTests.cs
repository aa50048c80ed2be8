using CoordinationHub.Interop;
using CoordinationHub.Rpc.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Testing;

namespace CoordinationHub.Rpc.Tests.Server;

/// <summary>grpc-timeout becomes a deadline the server enforces; a client reset cancels the handler.</summary>
public sealed class DeadlineAndCancellationTests : IClassFixture<RpcTestServer>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly RpcTestServer _server;
    private readonly RawGrpcClient _client;

    public DeadlineAndCancellationTests(RpcTestServer server)
    {
        _server = server;
        _server.Probe.Reset();
        _client = new RawGrpcClient(server.Address);
    }

    [Fact]
    public async Task DeadlinePassesWhileHandlerIgnoresCancellation_ServerAnswersDeadlineExceeded()
    {
        // The handler stays blocked until after the client has its answer: the status can only come
        // from the server's own deadline timer, not from the handler finishing.
        var response = await _client.SendAsync(BehaviourService.HangIgnoringCancellation.FullName, RawGrpcClient.Frame(new Empty()),
            configure: r => r.Headers.Add("grpc-timeout", "200m")).WaitAsync(Patience);

        Assert.False(_server.Probe.ReleaseHandler.Task.IsCompleted);
        Assert.Equal(4, response.GrpcStatus);
        _server.Probe.ReleaseHandler.TrySetResult();
    }

    [Fact]
    public async Task DeadlinePasses_HandlerTokenIsCancelled()
    {
        var response = await _client.SendAsync(BehaviourService.WaitForCancellation.FullName, RawGrpcClient.Frame(new Empty()),
            configure: r => r.Headers.Add("grpc-timeout", "100m")).WaitAsync(Patience);

        Assert.Equal(4, response.GrpcStatus);
        await _server.Probe.HandlerCancelled.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task ClientResetsStream_HandlerTokenIsCancelled()
    {
        using var cancellation = new CancellationTokenSource();
        var call = _client.SendAsync(BehaviourService.WaitForCancellation.FullName, RawGrpcClient.Frame(new Empty()),
            cancellationToken: cancellation.Token);
        await _server.Probe.HandlerStarted.Task.WaitAsync(Patience);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await _server.Probe.HandlerCancelled.Task.WaitAsync(Patience);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("123456789S")]
    [InlineData("10")]
    [InlineData("10x")]
    [InlineData("-5S")]
    public async Task InvalidTimeoutHeader_IsIgnored(string timeout)
    {
        var response = await _client.SendAsync(BehaviourService.ReportDeadline.FullName, RawGrpcClient.Frame(new Empty()),
            configure: r => r.Headers.Add("grpc-timeout", timeout));

        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal(DateTime.MaxValue, _server.Probe.ObservedDeadline);
    }

    [Fact]
    public async Task ValidTimeoutHeader_SetsDeadlineOnContext()
    {
        var before = DateTime.UtcNow;

        var response = await _client.SendAsync(BehaviourService.ReportDeadline.FullName, RawGrpcClient.Frame(new Empty()),
            configure: r => r.Headers.Add("grpc-timeout", "5M"));

        Assert.Equal(0, response.GrpcStatus);
        Assert.InRange(_server.Probe.ObservedDeadline!.Value, before.AddMinutes(4), before.AddMinutes(6));
    }

    [Fact]
    public async Task ServerStreamingPastDeadline_EndsWithDeadlineExceededAfterMessages()
    {
        var request = new StreamingOutputCallRequest();
        request.ResponseParameters.Add(new ResponseParameters { Size = 1 });
        request.ResponseParameters.Add(new ResponseParameters { Size = 1, IntervalUs = 10_000_000 });

        var response = await _client.SendAsync(TestServiceMethods.StreamingOutputCall.FullName, RawGrpcClient.Frame(request),
            configure: r => r.Headers.Add("grpc-timeout", "300m")).WaitAsync(Patience);

        Assert.False(response.IsTrailersOnly);
        Assert.Equal(4, response.GrpcStatus);
        var firstMessage = new StreamingOutputCallResponse { Payload = new Payload { Body = ByteString.CopyFrom(new byte[1]) } };
        Assert.Equal(RawGrpcClient.Frame(firstMessage), response.Body);
    }

    public void Dispose()
    {
        _server.Probe.ReleaseHandler.TrySetResult();
        _client.Dispose();
    }
}
