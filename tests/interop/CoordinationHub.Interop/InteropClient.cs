using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using Google.Protobuf;
using Grpc.Testing;

namespace CoordinationHub.Interop;

/// <summary>The official interop cases (grpc/grpc doc/interop-test-descriptions.md) on our client.</summary>
public sealed class InteropClient(RpcChannel channel)
{
    public const string SpecialStatusMessage = "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n";

    public static readonly string[] Cases =
    [
        "empty_unary", "large_unary", "client_streaming", "server_streaming", "ping_pong", "empty_stream",
        "status_code_and_message", "special_status_message", "custom_metadata", "unimplemented_method",
        "unimplemented_service", "timeout_on_sleeping_server", "cancel_after_begin", "cancel_after_first_response",
        "client_compressed_unary", "server_compressed_unary",
    ];

    private static readonly int[] PingPongRequests = [27182, 8, 1828, 45904];
    private static readonly int[] PingPongResponses = [31415, 9, 2653, 58979];

    public static RpcChannel CreateChannel(string host, int port, bool useTls, string caFile) =>
        RpcChannel.ForAddress(new Uri($"{(useTls ? "https" : "http")}://{host}:{port}"), useTls
            ? new RpcChannelOptions { TrustedRoots = [X509Certificate2.CreateFromPem(File.ReadAllText(caFile))] }
            : null);

    public Task RunAsync(string testCase) => testCase switch
    {
        "empty_unary" => EmptyUnaryAsync(),
        "large_unary" => LargeUnaryAsync(),
        "client_streaming" => ClientStreamingAsync(),
        "server_streaming" => ServerStreamingAsync(),
        "ping_pong" => PingPongAsync(),
        "empty_stream" => EmptyStreamAsync(),
        "status_code_and_message" => StatusCodeAndMessageAsync("test status message"),
        "special_status_message" => StatusCodeAndMessageAsync(SpecialStatusMessage),
        "custom_metadata" => CustomMetadataAsync(),
        "unimplemented_method" => ExpectStatusAsync(StatusCode.Unimplemented, () => Unary(TestServiceMethods.UnimplementedCall, new Empty())),
        "unimplemented_service" => ExpectStatusAsync(StatusCode.Unimplemented, () => Unary(TestServiceMethods.UnimplementedServiceCall, new Empty())),
        "timeout_on_sleeping_server" => TimeoutOnSleepingServerAsync(),
        "cancel_after_begin" => CancelAfterBeginAsync(),
        "cancel_after_first_response" => CancelAfterFirstResponseAsync(),
        "client_compressed_unary" => ClientCompressedUnaryAsync(),
        "server_compressed_unary" => ServerCompressedUnaryAsync(),
        _ => throw new ArgumentException($"Unknown test case '{testCase}'.", nameof(testCase)),
    };

    private Task<TResponse> Unary<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> => channel.UnaryAsync(method, request, options);

    private async Task EmptyUnaryAsync() => Check(await Unary(TestServiceMethods.EmptyCall, new Empty()) is not null, "empty response");

    private async Task LargeUnaryAsync()
    {
        var response = await Unary(TestServiceMethods.UnaryCall, new SimpleRequest { ResponseSize = 314159, Payload = Payload(271828) });
        Check(response.Payload.Body.Length == 314159, "response payload of 314159 bytes");
    }

    private async Task ClientStreamingAsync()
    {
        using var call = channel.AsyncClientStreamingCall(TestServiceMethods.StreamingInputCall);
        foreach (var size in PingPongRequests)
        {
            await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = Payload(size) });
        }

        await call.RequestStream.CompleteAsync();
        Check((await call.ResponseAsync).AggregatedPayloadSize == 74922, "aggregated size 74922");
    }

    private async Task ServerStreamingAsync()
    {
        var request = new StreamingOutputCallRequest();
        request.ResponseParameters.AddRange(PingPongResponses.Select(size => new ResponseParameters { Size = size }));
        using var call = channel.AsyncServerStreamingCall(TestServiceMethods.StreamingOutputCall, request);
        var sizes = new List<int>();
        await foreach (var response in call.ReadAllAsync())
        {
            sizes.Add(response.Payload.Body.Length);
        }

        Check(sizes.SequenceEqual(PingPongResponses), "responses of 31415, 9, 2653, 58979 bytes");
    }

    private async Task PingPongAsync()
    {
        using var call = channel.AsyncDuplexStreamingCall(TestServiceMethods.FullDuplexCall);
        await using var responses = call.ReadAllAsync().GetAsyncEnumerator();
        for (var i = 0; i < PingPongRequests.Length; i++)
        {
            await call.RequestStream.WriteAsync(DuplexRequest(PingPongRequests[i], PingPongResponses[i]));
            Check(await responses.MoveNextAsync() && responses.Current.Payload.Body.Length == PingPongResponses[i], $"pong {i}");
        }

        await call.RequestStream.CompleteAsync();
        Check(!await responses.MoveNextAsync(), "stream ends after the last pong");
    }

    private async Task EmptyStreamAsync()
    {
        using var call = channel.AsyncDuplexStreamingCall(TestServiceMethods.FullDuplexCall);
        await call.RequestStream.CompleteAsync();
        await foreach (var unused in call.ReadAllAsync())
        {
            Check(false, "no responses");
        }
    }

    private async Task StatusCodeAndMessageAsync(string message)
    {
        var status = new EchoStatus { Code = 2, Message = message };
        await ExpectStatusAsync(StatusCode.Unknown, () => Unary(TestServiceMethods.UnaryCall, new SimpleRequest { ResponseStatus = status }), message);
        await ExpectStatusAsync(StatusCode.Unknown, async () =>
        {
            using var call = channel.AsyncDuplexStreamingCall(TestServiceMethods.FullDuplexCall);
            await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { ResponseStatus = status });
            await call.RequestStream.CompleteAsync();
            await foreach (var unused in call.ReadAllAsync())
            {
            }
        }, message);
    }

    private async Task CustomMetadataAsync()
    {
        const string initial = "x-grpc-test-echo-initial";
        const string trailing = "x-grpc-test-echo-trailing-bin";
        byte[] trailingValue = [0xab, 0xab, 0xab];
        Metadata Headers() => new Metadata().Add(initial, "test_initial_metadata_value").Add(trailing, trailingValue);

        using (var call = channel.AsyncUnaryCall(TestServiceMethods.UnaryCall,
            new SimpleRequest { ResponseSize = 314159, Payload = Payload(271828) }, new CallOptions { Headers = Headers() }))
        {
            await call.ResponseAsync;
            Check((await call.ResponseHeadersAsync).GetValue(initial) == "test_initial_metadata_value", "echoed initial metadata (unary)");
            Check(call.GetTrailers().GetValueBytes(trailing)?.SequenceEqual(trailingValue) == true, "echoed trailing metadata (unary)");
        }

        using var duplex = channel.AsyncDuplexStreamingCall(TestServiceMethods.FullDuplexCall, new CallOptions { Headers = Headers() });
        await duplex.RequestStream.WriteAsync(DuplexRequest(27182, 314159));
        await duplex.RequestStream.CompleteAsync();
        await foreach (var unused in duplex.ReadAllAsync())
        {
        }

        Check((await duplex.ResponseHeadersAsync).GetValue(initial) == "test_initial_metadata_value", "echoed initial metadata (duplex)");
        Check(duplex.GetTrailers().GetValueBytes(trailing)?.SequenceEqual(trailingValue) == true, "echoed trailing metadata (duplex)");
    }

    private Task TimeoutOnSleepingServerAsync() => ExpectStatusAsync(StatusCode.DeadlineExceeded, async () =>
    {
        using var call = channel.AsyncDuplexStreamingCall(TestServiceMethods.FullDuplexCall,
            new CallOptions { Deadline = DateTime.UtcNow.AddMilliseconds(1) });
        try
        {
            await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { Payload = Payload(27182) });
        }
        catch (RpcException)
        {
            // The deadline may already have ended the call; the status is read below.
        }

        await foreach (var unused in call.ReadAllAsync())
        {
        }
    });

    private Task CancelAfterBeginAsync() => ExpectStatusAsync(StatusCode.Cancelled, async () =>
    {
        using var cancellation = new CancellationTokenSource();
        using var call = channel.AsyncClientStreamingCall(TestServiceMethods.StreamingInputCall, new CallOptions { CancellationToken = cancellation.Token });
        await cancellation.CancelAsync();
        await call.ResponseAsync;
    });

    private Task CancelAfterFirstResponseAsync() => ExpectStatusAsync(StatusCode.Cancelled, async () =>
    {
        using var cancellation = new CancellationTokenSource();
        using var call = channel.AsyncDuplexStreamingCall(TestServiceMethods.FullDuplexCall, new CallOptions { CancellationToken = cancellation.Token });
        await using var responses = call.ReadAllAsync().GetAsyncEnumerator();
        await call.RequestStream.WriteAsync(DuplexRequest(27182, 31415));
        Check(await responses.MoveNextAsync(), "first response");
        await cancellation.CancelAsync();
        await responses.MoveNextAsync();
    });

    private async Task ClientCompressedUnaryAsync()
    {
        SimpleRequest Request(bool expectCompressed) => new()
        {
            ResponseSize = 314159,
            Payload = Payload(271828),
            ExpectCompressed = new BoolValue { Value = expectCompressed },
        };

        // Probe: a server that checks compression must refuse an uncompressed message said to be compressed.
        await ExpectStatusAsync(StatusCode.InvalidArgument, () => Unary(TestServiceMethods.UnaryCall, Request(true),
            new CallOptions { RequestCompression = "gzip", WriteOptions = new WriteOptions(NoCompress: true) }));
        var compressed = await Unary(TestServiceMethods.UnaryCall, Request(true), new CallOptions { RequestCompression = "gzip" });
        Check(compressed.Payload.Body.Length == 314159, "compressed request answered");
        var plain = await Unary(TestServiceMethods.UnaryCall, Request(false));
        Check(plain.Payload.Body.Length == 314159, "uncompressed request answered");
    }

    private async Task ServerCompressedUnaryAsync()
    {
        foreach (var compress in new[] { true, false })
        {
            var response = await Unary(TestServiceMethods.UnaryCall, new SimpleRequest
            {
                ResponseSize = 314159,
                Payload = Payload(271828),
                ResponseCompressed = new BoolValue { Value = compress },
            });
            Check(response.Payload.Body.Length == 314159, $"response (compressed={compress})");
        }
    }

    private static async Task ExpectStatusAsync(StatusCode expected, Func<Task> call, string? expectedMessage = null)
    {
        try
        {
            await call();
        }
        catch (RpcException exception) when (exception.StatusCode == expected)
        {
            Check(expectedMessage is null || exception.Status.Detail == expectedMessage, $"status message '{expectedMessage}'");
            return;
        }

        throw new InvalidOperationException($"Expected status {expected}, but the call succeeded.");
    }

    private static StreamingOutputCallRequest DuplexRequest(int requestSize, int responseSize) => new()
    {
        Payload = Payload(requestSize),
        ResponseParameters = { new ResponseParameters { Size = responseSize } },
    };

    private static Payload Payload(int size) => new() { Body = ByteString.CopyFrom(new byte[size]) };

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Check failed: {what}.");
        }
    }
}
