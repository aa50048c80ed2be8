using System.IO.Compression;
using CoordinationHub.Interop;
using CoordinationHub.Rpc.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Testing;
using Microsoft.Extensions.Logging;

namespace CoordinationHub.Rpc.Tests.Server;

/// <summary>Statuses, trailers and metadata as they appear on the wire.</summary>
public sealed class StatusAndMetadataTests(RpcTestServer server) : IClassFixture<RpcTestServer>, IDisposable
{
    private readonly RawGrpcClient _client = new(server.Address);

    [Fact]
    public async Task HandlerThrowsUnexpectedException_ReturnsInternalWithoutInternals()
    {
        var response = await _client.SendAsync(BehaviourService.Throw.FullName, RawGrpcClient.Frame(new Empty()));

        Assert.Equal(13, response.GrpcStatus);
        Assert.DoesNotContain("hunter2", response.GrpcMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", response.GrpcMessage, StringComparison.Ordinal);
        var callId = response.GrpcMessage!.Split("Call id: ")[1].TrimEnd('.');
        var logged = Assert.Single(server.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(callId, StringComparison.Ordinal));
        Assert.IsType<InvalidOperationException>(logged.Exception);
    }

    [Fact]
    public async Task StatusMessageWithSpecialCharacters_IsPercentEncoded()
    {
        const string detail = "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n";
        var request = new SimpleRequest { ResponseStatus = new EchoStatus { Code = 2, Message = detail } };

        var response = await _client.SendAsync(TestServiceMethods.UnaryCall.FullName, RawGrpcClient.Frame(request));

        Assert.Equal(2, response.GrpcStatus);
        var raw = response.Get("grpc-message")!;
        Assert.All(raw, c => Assert.InRange(c, (char)0x20, (char)0x7E));
        Assert.Equal(detail, response.GrpcMessage);
    }

    [Fact]
    public async Task RequestMetadataLookup_TextHeadersOnly_FindsTheValue()
    {
        var response = await _client.SendAsync(TestServiceMethods.UnaryCall.FullName, RawGrpcClient.Frame(new SimpleRequest()),
            configure: r => r.Headers.Add("X-Grpc-Test-Echo-Initial", "echo-me"));

        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("echo-me", response.Get("x-grpc-test-echo-initial"));
    }

    [Fact]
    public async Task RequestMetadataLookup_OtherBinaryHeaderNotBase64_FailsAsWhenAllHeadersAreRead()
    {
        var response = await _client.SendAsync(TestServiceMethods.UnaryCall.FullName, RawGrpcClient.Frame(new SimpleRequest()),
            configure: r => r.Headers.Add("x-broken-bin", "!!not base64!!"));

        Assert.Equal(13, response.GrpcStatus);
        Assert.Contains("base64", response.GrpcMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestMetadata_ReachesHandlerWithoutReservedHeaders()
    {
        var binary = new byte[] { 0, 1, 2, 0xFE, 0xFF };

        var response = await _client.SendAsync(BehaviourService.EchoMetadataToTrailers.FullName, RawGrpcClient.Frame(new Empty()), configure: r =>
        {
            r.Headers.Add("x-officer", "officer-17");
            r.Headers.Add("x-blob-bin", Convert.ToBase64String(binary).TrimEnd('='));
            r.Headers.Add("grpc-timeout", "10S");
        });

        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("officer-17", response.Get("echo-x-officer"));
        Assert.Equal(binary, Convert.FromBase64String(Pad(response.Get("echo-x-blob-bin")!)));
        Assert.Null(response.Get("echo-grpc-timeout"));
        Assert.Null(response.Get("echo-content-type"));
        Assert.Null(response.Get("echo-te"));
    }

    [Fact]
    public async Task EchoedMetadata_InitialInHeadersTrailingInTrailers()
    {
        var response = await _client.SendAsync(TestServiceMethods.UnaryCall.FullName, RawGrpcClient.Frame(new SimpleRequest()), configure: r =>
        {
            r.Headers.Add("x-grpc-test-echo-initial", "test_initial_metadata_value");
            r.Headers.Add("x-grpc-test-echo-trailing-bin", "q6ur");
        });

        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("test_initial_metadata_value", response.Headers.GetValues("x-grpc-test-echo-initial").Single());
        Assert.Equal("q6ur", response.Trailers.GetValues("x-grpc-test-echo-trailing-bin").Single());
    }

    [Fact]
    public async Task GzipRequest_IsDecompressed()
    {
        var payload = new SimpleRequest { ResponseSize = 3, Payload = new Payload { Body = ByteString.CopyFromUtf8(new string('a', 1000)) } };

        var response = await _client.SendAsync(TestServiceMethods.UnaryCall.FullName, RawGrpcClient.Frame(Gzip(payload.ToByteArray()), flag: 1),
            configure: r => r.Headers.Add("grpc-encoding", "gzip"));

        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal(0, response.Body[0]);
    }

    [Fact]
    public async Task ServiceAsksForGzipAndClientAccepts_ResponseIsCompressed()
    {
        var response = await _client.SendAsync(BehaviourService.GzipResponse.FullName, RawGrpcClient.Frame(new SimpleRequest { ResponseSize = 5000 }),
            configure: r => r.Headers.Add("grpc-accept-encoding", "gzip"));

        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("gzip", response.Headers.GetValues("grpc-encoding").Single());
        Assert.Equal(1, response.Body[0]);
        Assert.True(response.Body.Length < 1000);
    }

    [Fact]
    public async Task ServiceAsksForGzipButClientDoesNotAccept_ResponseIsPlain()
    {
        var response = await _client.SendAsync(BehaviourService.GzipResponse.FullName, RawGrpcClient.Frame(new SimpleRequest { ResponseSize = 50 }));

        Assert.Equal(0, response.GrpcStatus);
        Assert.False(response.Headers.Contains("grpc-encoding"));
        Assert.Equal(0, response.Body[0]);
    }

    private static string Pad(string base64) => base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public void Dispose() => _client.Dispose();
}
