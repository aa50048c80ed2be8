using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Server;
using Google.Protobuf;
using Grpc.Testing;

namespace CoordinationHub.Interop;

/// <summary>
/// <c>grpc.testing.TestService</c> as the interop cases expect a server to behave. UnimplementedCall
/// and HalfDuplexCall are deliberately not bound: the transport answers UNIMPLEMENTED for them.
/// </summary>
public sealed class InteropTestService : IRpcService<InteropTestService>
{
    private const string EchoInitialKey = "x-grpc-test-echo-initial";
    private const string EchoTrailingKey = "x-grpc-test-echo-trailing-bin";

    public static void BindMethods(RpcServiceBinder<InteropTestService> binder) => binder
        .AddUnary(TestServiceMethods.EmptyCall, (_, _, _) => Task.FromResult(new Empty()))
        .AddUnary(TestServiceMethods.UnaryCall, (_, r, c) => UnaryCallAsync(r, c))
        .AddUnary(TestServiceMethods.CacheableUnaryCall, (_, r, c) => UnaryCallAsync(r, c))
        .AddServerStreaming(TestServiceMethods.StreamingOutputCall, (_, r, w, c) => StreamingOutputCallAsync(r, w, c))
        .AddClientStreaming(TestServiceMethods.StreamingInputCall, (_, r, c) => StreamingInputCallAsync(r, c))
        .AddDuplexStreaming(TestServiceMethods.FullDuplexCall, (_, r, w, c) => FullDuplexCallAsync(r, w, c));

    private static async Task<SimpleResponse> UnaryCallAsync(SimpleRequest request, ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        EnsureCompression(request.ExpectCompressed, context);
        ThrowIfStatusRequested(request.ResponseStatus);
        if (request.ResponseCompressed is { } compressed)
        {
            context.ResponseCompression = "gzip";
            context.WriteOptions = new WriteOptions(NoCompress: !compressed.Value);
        }

        return new SimpleResponse { Payload = CreatePayload(request.ResponseSize) };
    }

    private static async Task StreamingOutputCallAsync(
        StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responses, ServerCallContext context)
    {
        ThrowIfStatusRequested(request.ResponseStatus);
        await WriteResponsesAsync(request, responses, context);
    }

    private static async Task<StreamingInputCallResponse> StreamingInputCallAsync(
        IAsyncEnumerable<StreamingInputCallRequest> requests, ServerCallContext context)
    {
        var total = 0;
        await foreach (var request in requests.WithCancellation(context.CancellationToken))
        {
            EnsureCompression(request.ExpectCompressed, context);
            total += request.Payload?.Body.Length ?? 0;
        }

        return new StreamingInputCallResponse { AggregatedPayloadSize = total };
    }

    private static async Task FullDuplexCallAsync(
        IAsyncEnumerable<StreamingOutputCallRequest> requests,
        IServerStreamWriter<StreamingOutputCallResponse> responses,
        ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        await foreach (var request in requests.WithCancellation(context.CancellationToken))
        {
            ThrowIfStatusRequested(request.ResponseStatus);
            await WriteResponsesAsync(request, responses, context);
        }
    }

    private static async Task WriteResponsesAsync(
        StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responses, ServerCallContext context)
    {
        foreach (var parameters in request.ResponseParameters)
        {
            if (parameters.IntervalUs > 0)
            {
                await Task.Delay(TimeSpan.FromMicroseconds(parameters.IntervalUs), context.CancellationToken);
            }

            if (parameters.Compressed is { } compressed)
            {
                context.ResponseCompression ??= "gzip";
                context.WriteOptions = new WriteOptions(NoCompress: !compressed.Value);
            }

            await responses.WriteAsync(new StreamingOutputCallResponse { Payload = CreatePayload(parameters.Size) }, context.CancellationToken);
        }
    }

    private static async Task EchoMetadataAsync(ServerCallContext context)
    {
        var initial = context.RequestHeaders.GetValue(EchoInitialKey);
        if (initial is not null)
        {
            await context.WriteResponseHeadersAsync(new Metadata().Add(EchoInitialKey, initial));
        }

        var trailing = context.RequestHeaders.GetValueBytes(EchoTrailingKey);
        if (trailing is not null)
        {
            context.ResponseTrailers.Add(EchoTrailingKey, trailing);
        }
    }

    private static void EnsureCompression(BoolValue? expectCompressed, ServerCallContext context)
    {
        if (expectCompressed is { Value: true } && !context.LastRequestMessageCompressed)
        {
            throw new RpcException(StatusCode.InvalidArgument, "Expected a compressed request message.");
        }
    }

    private static void ThrowIfStatusRequested(EchoStatus? status)
    {
        if (status is { Code: not 0 })
        {
            throw new RpcException((StatusCode)status.Code, status.Message);
        }
    }

    // The zero bytes of the last size asked for, shared: a ByteString is immutable, so every response
    // of that size can carry the same one (a benchmark sends the same size millions of times).
    private static ByteString s_zeros = ByteString.Empty;

    private static Payload CreatePayload(int size)
    {
        var zeros = s_zeros;
        if (zeros.Length != size)
        {
            zeros = UnsafeByteOperations.UnsafeWrap(new byte[size]);
            s_zeros = zeros;
        }

        return new Payload { Body = zeros };
    }
}
