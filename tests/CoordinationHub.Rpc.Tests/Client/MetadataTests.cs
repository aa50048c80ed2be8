using CoordinationHub.Rpc.Client;
using CoordinationHub.Rpc.Internal;
using CoordinationHub.Rpc.Tests.Infrastructure;
using Grpc.Testing;
using Microsoft.AspNetCore.Http;

namespace CoordinationHub.Rpc.Tests.Client;

public sealed class MetadataTests(RawHttp2ServerFixture server) : IClassFixture<RawHttp2ServerFixture>
{
    // Five bytes: base64 needs padding, so padded and unpadded forms differ.
    private static readonly byte[] BinaryValue = [0x0A, 0x0B, 0x0A, 0x0B, 0xAB];

    [Fact]
    public async Task AsyncUnaryCall_RequestMetadata_ArrivesAsHeadersWithUnpaddedBase64ForBinary()
    {
        var seen = new TaskCompletionSource<(string Text, string Binary)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, async context =>
        {
            seen.SetResult((context.Request.Headers["x-text"].ToString(), context.Request.Headers["x-data-bin"].ToString()));
            await RawGrpc.StartAsync(context);
            await RawGrpc.WriteAsync(context, RawGrpc.Frame(new SimpleResponse()));
            RawGrpc.AppendStatusTrailers(context, StatusCode.OK);
        });
        using var channel = server.CreateChannel();
        var headers = new Metadata().Add("x-text", "hello world").Add("x-data-bin", new byte[] { 0, 1, 2, 250 });

        await channel.UnaryAsync(method, new SimpleRequest(), new CallOptions { Headers = headers });
        var (text, binary) = await seen.Task;

        Assert.Equal("hello world", text);
        Assert.Equal("AAEC+g", binary);
    }

    [Fact]
    public async Task AsyncUnaryCall_ServerEchoesMetadata_ClientSeesResponseHeadersAndBinaryTrailers()
    {
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, async context =>
        {
            context.Response.Headers["x-grpc-test-echo-initial"] = context.Request.Headers["x-grpc-test-echo-initial"];
            await RawGrpc.StartAsync(context);
            await RawGrpc.WriteAsync(context, RawGrpc.Frame(new SimpleResponse()));
            // Echoed padded, as some peers send it; the client must accept both forms.
            var trailing = Convert.ToBase64String(MetadataHeaders.DecodeBase64(context.Request.Headers["x-grpc-test-echo-trailing-bin"].ToString()));
            context.Response.AppendTrailer("x-grpc-test-echo-trailing-bin", trailing);
            RawGrpc.AppendStatusTrailers(context, StatusCode.OK);
        });
        using var channel = server.CreateChannel();
        var headers = new Metadata()
            .Add("x-grpc-test-echo-initial", "test_initial_metadata_value")
            .Add("x-grpc-test-echo-trailing-bin", BinaryValue);

        using var call = channel.AsyncUnaryCall(method, new SimpleRequest(), new CallOptions { Headers = headers });
        await call.ResponseAsync;
        var responseHeaders = await call.ResponseHeadersAsync;

        Assert.Equal("test_initial_metadata_value", responseHeaders.GetValue("x-grpc-test-echo-initial"));
        Assert.Equal(BinaryValue, call.GetTrailers().GetValueBytes("x-grpc-test-echo-trailing-bin"));
        Assert.DoesNotContain(responseHeaders, e => e.Key is "content-type" or "grpc-encoding" || e.Key.StartsWith(':'));
        Assert.DoesNotContain(call.GetTrailers(), e => e.Key.StartsWith("grpc-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AsyncUnaryCall_ReservedKeysInRequestMetadata_DoNotOverrideProtocolHeaders()
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var method = server.Map<SimpleRequest, SimpleResponse>(MethodType.Unary, async context =>
        {
            seen.SetResult(context.Request.Headers.TE.ToString());
            await RawGrpc.StartAsync(context);
            await RawGrpc.WriteAsync(context, RawGrpc.Frame(new SimpleResponse()));
            RawGrpc.AppendStatusTrailers(context, StatusCode.OK);
        });
        using var channel = server.CreateChannel();

        await channel.UnaryAsync(method, new SimpleRequest(), new CallOptions { Headers = new Metadata().Add("te", "gzip") });

        Assert.Equal("trailers", await seen.Task);
    }
}
