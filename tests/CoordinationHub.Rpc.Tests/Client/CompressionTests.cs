using CoordinationHub.Rpc.Client;
using CoordinationHub.Rpc.Internal;
using CoordinationHub.Rpc.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Testing;

namespace CoordinationHub.Rpc.Tests.Client;

public sealed class CompressionTests(RawHttp2ServerFixture server) : IClassFixture<RawHttp2ServerFixture>
{
    private static readonly SimpleRequest CompressibleRequest = new() { Payload = new Payload { Body = ByteString.CopyFrom(new byte[1000]) } };

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    public async Task AsyncUnaryCall_CompressedResponse_IsDecoded(string encoding)
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, async context =>
        {
            await RawGrpc.StartAsync(context, encoding);
            await RawGrpc.WriteAsync(context, RawGrpc.Frame(new SimpleResponse { Username = new string('z', 500) }, encoding));
            RawGrpc.AppendStatusTrailers(context, StatusCode.OK);
        });
        using var channel = server.CreateChannel();

        var response = await channel.UnaryAsync(method, new SimpleRequest());

        Assert.Equal(new string('z', 500), response.Username);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    public async Task AsyncUnaryCall_RequestCompression_SendsEncodingHeaderAndCompressedFlag(string encoding)
    {
        var seen = new TaskCompletionSource<(string Encoding, byte[] Body)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, async context =>
        {
            seen.SetResult((context.Request.Headers["grpc-encoding"].ToString(), await RawGrpc.ReadBodyAsync(context)));
            await RawGrpc.StartAsync(context);
            await RawGrpc.WriteAsync(context, RawGrpc.Frame(new SimpleResponse()));
            RawGrpc.AppendStatusTrailers(context, StatusCode.OK);
        });
        using var channel = server.CreateChannel();

        await channel.UnaryAsync(method, CompressibleRequest, new CallOptions { RequestCompression = encoding });
        var (header, body) = await seen.Task;

        Assert.Equal(encoding, header);
        Assert.Equal(1, body[0]);
        Assert.True(body.Length < CompressibleRequest.CalculateSize());
        Assert.Equal(CompressibleRequest, await ParseAsync(body, encoding));
    }

    [Fact]
    public async Task AsyncUnaryCall_NoCompressWriteOption_SendsFlagZeroDespiteEncodingHeader()
    {
        var seen = new TaskCompletionSource<(string Encoding, byte[] Body)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, async context =>
        {
            seen.SetResult((context.Request.Headers["grpc-encoding"].ToString(), await RawGrpc.ReadBodyAsync(context)));
            await RawGrpc.StartAsync(context);
            await RawGrpc.WriteAsync(context, RawGrpc.Frame(new SimpleResponse()));
            RawGrpc.AppendStatusTrailers(context, StatusCode.OK);
        });
        using var channel = server.CreateChannel();
        var options = new CallOptions { RequestCompression = "gzip", WriteOptions = new WriteOptions(NoCompress: true) };

        await channel.UnaryAsync(method, CompressibleRequest, options);
        var (header, body) = await seen.Task;

        Assert.Equal("gzip", header);
        Assert.Equal(0, body[0]);
        Assert.Equal(CompressibleRequest, await ParseAsync(body, encoding: null));
    }

    [Fact]
    public async Task AsyncClientStreamingCall_WriterOptionsChangeBetweenMessages_FlagFollowsEachWrite()
    {
        var flags = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var method = server.Map<StreamingInputCallRequest, StreamingInputCallResponse>(MethodType.ClientStreaming, async context =>
        {
            var body = await RawGrpc.ReadBodyAsync(context);
            flags.SetResult(FrameFlags(body));
            await RawGrpc.StartAsync(context);
            await RawGrpc.WriteAsync(context, RawGrpc.Frame(new StreamingInputCallResponse()));
            RawGrpc.AppendStatusTrailers(context, StatusCode.OK);
        });
        using var channel = server.CreateChannel();
        var message = new StreamingInputCallRequest { Payload = CompressibleRequest.Payload };

        using var call = channel.AsyncClientStreamingCall(method, new CallOptions { RequestCompression = "gzip" });
        await call.RequestStream.WriteAsync(message);
        call.RequestStream.WriteOptions = new WriteOptions(NoCompress: true);
        await call.RequestStream.WriteAsync(message);
        call.RequestStream.WriteOptions = null;
        await call.RequestStream.WriteAsync(message);
        await call.RequestStream.CompleteAsync();
        await call;

        Assert.Equal([1, 0, 1], await flags.Task);
    }

    [Fact]
    public async Task AsyncUnaryCall_CompressedFlagWithoutResponseEncoding_ThrowsInternal()
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, async context =>
        {
            await RawGrpc.StartAsync(context);
            await RawGrpc.WriteAsync(context, RawGrpc.Frame(new SimpleResponse { Username = "x" }, "gzip"));
            RawGrpc.AppendStatusTrailers(context, StatusCode.OK);
        });
        using var channel = server.CreateChannel();

        var exception = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(method, new SimpleRequest()));

        Assert.Equal(StatusCode.Internal, exception.StatusCode);
    }

    [Fact]
    public void AsyncUnaryCall_UnsupportedRequestCompression_ThrowsArgumentException()
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, RawGrpc.WaitForAbortAsync);
        using var channel = server.CreateChannel();

        Assert.Throws<ArgumentException>(() => channel.AsyncUnaryCall(method, new SimpleRequest(), new CallOptions { RequestCompression = "snappy" }));
    }

    private static async Task<SimpleRequest?> ParseAsync(byte[] body, string? encoding) =>
        await MessageFraming.ReadMessageAsync(
            System.IO.Pipelines.PipeReader.Create(new MemoryStream(body)), SimpleRequest.Parser, int.MaxValue, encoding, CancellationToken.None);

    private static byte[] FrameFlags(byte[] body)
    {
        var flags = new List<byte>();
        for (var offset = 0; offset < body.Length;)
        {
            flags.Add(body[offset]);
            offset += GrpcProtocol.HeaderSize + (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(offset + 1));
        }

        return [.. flags];
    }
}
