using CoordinationHub.Rpc.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Testing;
using Microsoft.AspNetCore.Http;

namespace CoordinationHub.Rpc.Tests.Client;

public sealed class StreamingCallTests(RawHttp2ServerFixture server) : IClassFixture<RawHttp2ServerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AsyncServerStreamingCall_ServerWritesFourMessages_ReadsAllInOrderThenOk()
    {
        var method = server.Map<StreamingOutputCallRequest, StreamingOutputCallResponse>(MethodType.ServerStreaming, async context =>
        {
            var request = await RawGrpc.ReadAsync(context, StreamingOutputCallRequest.Parser);
            await RawGrpc.StartAsync(context);
            foreach (var parameters in request!.ResponseParameters)
            {
                await RawGrpc.WriteAsync(context, RawGrpc.Frame(Output(parameters.Size)));
            }

            context.Response.AppendTrailer("x-count", request.ResponseParameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            RawGrpc.AppendStatusTrailers(context, StatusCode.OK);
        });
        using var channel = server.CreateChannel();
        var request = new StreamingOutputCallRequest();
        request.ResponseParameters.Add([Size(31415), Size(9), Size(2653), Size(58979)]);

        using var call = channel.AsyncServerStreamingCall(method, request);
        var sizes = new List<int>();
        await foreach (var response in call.ReadAllAsync())
        {
            sizes.Add(response.Payload.Body.Length);
        }

        Assert.Equal([31415, 9, 2653, 58979], sizes);
        Assert.Equal(RpcStatus.Ok, call.GetStatus());
        Assert.Equal("4", call.GetTrailers().GetValue("x-count"));
    }

    [Fact]
    public async Task AsyncServerStreamingCall_ErrorAfterTwoMessages_YieldsBothThenThrows()
    {
        var method = server.Map<StreamingOutputCallRequest, StreamingOutputCallResponse>(MethodType.ServerStreaming, async context =>
        {
            await RawGrpc.StartAsync(context);
            await RawGrpc.WriteAsync(context, RawGrpc.Frame(Output(1)));
            await RawGrpc.WriteAsync(context, RawGrpc.Frame(Output(2)));
            RawGrpc.AppendStatusTrailers(context, StatusCode.Aborted, "conflict");
        });
        using var channel = server.CreateChannel();

        using var call = channel.AsyncServerStreamingCall(method, new StreamingOutputCallRequest());
        var sizes = new List<int>();
        var exception = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var response in call.ReadAllAsync())
            {
                sizes.Add(response.Payload.Body.Length);
            }
        });

        Assert.Equal([1, 2], sizes);
        Assert.Equal(new RpcStatus(StatusCode.Aborted, "conflict"), exception.Status);
    }

    [Fact]
    public async Task AsyncServerStreamingCall_TrailersOnlyOk_EndsWithNoMessages()
    {
        var method = server.Map<StreamingOutputCallRequest, StreamingOutputCallResponse>(MethodType.ServerStreaming, context =>
        {
            RawGrpc.SetTrailersOnly(context, StatusCode.OK);
            return Task.CompletedTask;
        });
        using var channel = server.CreateChannel();

        using var call = channel.AsyncServerStreamingCall(method, new StreamingOutputCallRequest());
        var count = 0;
        await foreach (var unused in call.ReadAllAsync())
        {
            count++;
        }

        Assert.Equal(0, count);
        Assert.Equal(StatusCode.OK, call.GetStatus().Code);
    }

    [Fact]
    public async Task AsyncClientStreamingCall_FourMessages_ServerReceivesAllAndAnswersAfterHalfClose()
    {
        var method = server.Map<StreamingInputCallRequest, StreamingInputCallResponse>(MethodType.ClientStreaming, async context =>
        {
            var total = 0;
            while (await RawGrpc.ReadAsync(context, StreamingInputCallRequest.Parser) is { } request)
            {
                total += request.Payload.Body.Length;
            }

            await RawGrpc.StartAsync(context);
            await RawGrpc.WriteAsync(context, RawGrpc.Frame(new StreamingInputCallResponse { AggregatedPayloadSize = total }));
            RawGrpc.AppendStatusTrailers(context, StatusCode.OK);
        });
        using var channel = server.CreateChannel();

        using var call = channel.AsyncClientStreamingCall(method);
        foreach (var size in new[] { 27182, 8, 1828, 45904 })
        {
            await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = Payload(size) });
        }

        await call.RequestStream.CompleteAsync();
        var response = await call;

        Assert.Equal(74922, response.AggregatedPayloadSize);
        Assert.Equal(StatusCode.OK, call.GetStatus().Code);
    }

    [Fact]
    public async Task AsyncDuplexStreamingCall_ServerAnswersEachMessageBeforeHalfClose_PingPongCompletes()
    {
        var method = server.Map<StreamingOutputCallRequest, StreamingOutputCallResponse>(MethodType.DuplexStreaming, async context =>
        {
            await RawGrpc.StartAsync(context);
            while (await RawGrpc.ReadAsync(context, StreamingOutputCallRequest.Parser) is { } request)
            {
                await RawGrpc.WriteAsync(context, RawGrpc.Frame(Output(request.ResponseParameters[0].Size)));
            }

            RawGrpc.AppendStatusTrailers(context, StatusCode.OK);
        });
        using var channel = server.CreateChannel();
        int[] sizes = [31415, 9, 2653, 58979];

        using var call = channel.AsyncDuplexStreamingCall(method);
        await using var responses = call.ReadAllAsync().GetAsyncEnumerator();
        foreach (var size in sizes)
        {
            var request = new StreamingOutputCallRequest();
            request.ResponseParameters.Add(Size(size));
            await call.RequestStream.WriteAsync(request);

            Assert.True(await responses.MoveNextAsync().AsTask().WaitAsync(Patience));
            Assert.Equal(size, responses.Current.Payload.Body.Length);
        }

        await call.RequestStream.CompleteAsync();

        Assert.False(await responses.MoveNextAsync().AsTask().WaitAsync(Patience));
        Assert.Equal(StatusCode.OK, call.GetStatus().Code);
    }

    [Fact]
    public async Task AsyncDuplexStreamingCall_NothingWrittenYet_RequestHeadersReachServer()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var method = server.Map<StreamingOutputCallRequest, StreamingOutputCallResponse>(MethodType.DuplexStreaming, async context =>
        {
            entered.SetResult();
            await RawGrpc.WaitForAbortAsync(context);
        });
        using var channel = server.CreateChannel();

        using var call = channel.AsyncDuplexStreamingCall(method);

        await entered.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task AsyncClientStreamingCall_ServerFailsBeforeReading_ResponseCarriesStatus()
    {
        var method = server.Map<StreamingInputCallRequest, StreamingInputCallResponse>(MethodType.ClientStreaming, context =>
        {
            RawGrpc.SetTrailersOnly(context, StatusCode.PermissionDenied, "not for you");
            return Task.CompletedTask;
        });
        using var channel = server.CreateChannel();

        using var call = channel.AsyncClientStreamingCall(method);
        var exception = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        var writeException = await Assert.ThrowsAsync<RpcException>(() => call.RequestStream.WriteAsync(new StreamingInputCallRequest()));

        Assert.Equal(StatusCode.PermissionDenied, exception.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, writeException.StatusCode);
    }

    [Fact]
    public async Task WriteAsync_AfterCompleteAsync_ThrowsInvalidOperation()
    {
        var method = server.Map<StreamingInputCallRequest, StreamingInputCallResponse>(MethodType.ClientStreaming, RawGrpc.WaitForAbortAsync);
        using var channel = server.CreateChannel();

        using var call = channel.AsyncClientStreamingCall(method);
        await call.RequestStream.CompleteAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => call.RequestStream.WriteAsync(new StreamingInputCallRequest()));
    }

    [Fact]
    public void AsyncUnaryCall_MethodIsStreaming_ThrowsArgumentException()
    {
        var method = server.Map<StreamingOutputCallRequest, StreamingOutputCallResponse>(MethodType.ServerStreaming, RawGrpc.WaitForAbortAsync);
        using var channel = server.CreateChannel();

        Assert.Throws<ArgumentException>(() => channel.AsyncUnaryCall(method, new StreamingOutputCallRequest()));
    }

    private static ResponseParameters Size(int size) => new() { Size = size };

    private static Payload Payload(int size) => new() { Body = ByteString.CopyFrom(new byte[size]) };

    private static StreamingOutputCallResponse Output(int size) => new() { Payload = Payload(size) };
}
