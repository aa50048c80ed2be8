using CoordinationHub.Interop;
using CoordinationHub.Rpc.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Testing;

namespace CoordinationHub.Rpc.Tests.Server;

/// <summary>Broken message framing gets a precise status and never hangs or crashes the server.</summary>
public sealed class MalformedMessageTests(RpcTestServer server) : IClassFixture<RpcTestServer>, IDisposable
{
    private readonly RawGrpcClient _client = new(server.Address);

    [Fact]
    public async Task TruncatedFrame_ReturnsInternal()
    {
        var frame = RawGrpcClient.Frame(new SimpleRequest { ResponseSize = 10, Payload = new Payload { Body = ByteString.CopyFrom(new byte[100]) } });

        var response = await _client.SendAsync(TestServiceMethods.UnaryCall.FullName, frame[..^20]);

        Assert.Equal(13, response.GrpcStatus);
        Assert.Contains("Incomplete message", response.GrpcMessage, StringComparison.Ordinal);
        await AssertServerStillServesAsync();
    }

    [Fact]
    public async Task TruncatedLengthPrefix_ReturnsInternal()
    {
        var response = await _client.SendAsync(TestServiceMethods.EmptyCall.FullName, [0, 0, 0]);

        Assert.Equal(13, response.GrpcStatus);
    }

    [Fact]
    public async Task LengthPrefixOverLimit_ReturnsResourceExhaustedBeforeReadingBody()
    {
        // Declares 100 MiB but sends 10 bytes: the server must refuse on the prefix, not wait for the rest.
        var frame = RawGrpcClient.Frame(new byte[10], declaredLength: 100 * 1024 * 1024);

        var response = await _client.SendAsync(TestServiceMethods.UnaryCall.FullName, frame);

        Assert.Equal(8, response.GrpcStatus);
        Assert.Contains($"{RpcTestServer.MaxReceiveMessageSize}", response.GrpcMessage, StringComparison.Ordinal);
        await AssertServerStillServesAsync();
    }

    [Fact]
    public async Task InvalidFlagByte_ReturnsInternal()
    {
        var response = await _client.SendAsync(TestServiceMethods.EmptyCall.FullName, RawGrpcClient.Frame(new Empty(), flag: 2));

        Assert.Equal(13, response.GrpcStatus);
    }

    [Fact]
    public async Task CompressedFlagWithoutEncoding_ReturnsInternal()
    {
        var response = await _client.SendAsync(TestServiceMethods.EmptyCall.FullName, RawGrpcClient.Frame(new Empty(), flag: 1));

        Assert.Equal(13, response.GrpcStatus);
        Assert.Contains("grpc-encoding", response.GrpcMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorruptGzipPayload_ReturnsInternal()
    {
        var response = await _client.SendAsync(TestServiceMethods.EmptyCall.FullName, RawGrpcClient.Frame([1, 2, 3, 4], flag: 1),
            configure: r => r.Headers.Add("grpc-encoding", "gzip"));

        Assert.Equal(13, response.GrpcStatus);
    }

    [Fact]
    public async Task GarbageProtobuf_ReturnsInternal()
    {
        var response = await _client.SendAsync(TestServiceMethods.UnaryCall.FullName, RawGrpcClient.Frame([0xFF, 0xFF, 0xFF, 0xFF, 0xFF]));

        Assert.Equal(13, response.GrpcStatus);
        Assert.Contains("deserialize", response.GrpcMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnaryWithoutMessage_ReturnsInternal()
    {
        var response = await _client.SendAsync(TestServiceMethods.EmptyCall.FullName, []);

        Assert.Equal(13, response.GrpcStatus);
    }

    [Fact]
    public async Task UnaryWithTwoMessages_ReturnsInternal()
    {
        var frame = RawGrpcClient.Frame(new Empty());

        var response = await _client.SendAsync(TestServiceMethods.EmptyCall.FullName, [.. frame, .. frame]);

        Assert.Equal(13, response.GrpcStatus);
        Assert.Contains("more than one message", response.GrpcMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResponseOverSendLimit_ReturnsResourceExhausted()
    {
        var request = new SimpleRequest { ResponseSize = RpcTestServer.MaxSendMessageSize + 1 };

        var response = await _client.SendAsync(BehaviourService.Sized.FullName, RawGrpcClient.Frame(request));

        Assert.Equal(8, response.GrpcStatus);
    }

    private async Task AssertServerStillServesAsync()
    {
        var response = await _client.SendAsync(TestServiceMethods.EmptyCall.FullName, RawGrpcClient.Frame(new Empty()));
        Assert.Equal(0, response.GrpcStatus);
    }

    public void Dispose() => _client.Dispose();
}
