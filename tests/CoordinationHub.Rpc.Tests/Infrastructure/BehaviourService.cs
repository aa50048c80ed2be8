using CoordinationHub.Rpc.Server;
using Grpc.Testing;

namespace CoordinationHub.Rpc.Tests.Infrastructure;

/// <summary>
/// A service whose methods misbehave on purpose (throw, hang, ignore cancellation, answer too big) so
/// tests can watch the transport turn each case into the right status. Bound without a descriptor,
/// under <c>test.Behaviour</c>.
/// </summary>
public sealed class BehaviourService(BehaviourProbe probe) : IRpcService<BehaviourService>
{
    public const string ServiceName = "test.Behaviour";

    public static readonly Method<Empty, Empty> Throw = Unary<Empty, Empty>(nameof(Throw));
    public static readonly Method<Empty, Empty> HangIgnoringCancellation = Unary<Empty, Empty>(nameof(HangIgnoringCancellation));
    public static readonly Method<Empty, Empty> WaitForCancellation = Unary<Empty, Empty>(nameof(WaitForCancellation));
    public static readonly Method<Empty, Empty> EchoMetadataToTrailers = Unary<Empty, Empty>(nameof(EchoMetadataToTrailers));
    public static readonly Method<SimpleRequest, SimpleResponse> GzipResponse = Unary<SimpleRequest, SimpleResponse>(nameof(GzipResponse));
    public static readonly Method<SimpleRequest, SimpleResponse> Sized = Unary<SimpleRequest, SimpleResponse>(nameof(Sized));
    public static readonly Method<Empty, Empty> ReportDeadline = Unary<Empty, Empty>(nameof(ReportDeadline));

    public static void BindMethods(RpcServiceBinder<BehaviourService> binder) => binder
        .AddUnary(Throw, (_, _, _) => throw new InvalidOperationException("secret connection string Password=hunter2"))
        .AddUnary(HangIgnoringCancellation, (s, _, _) => s.HangAsync())
        .AddUnary(WaitForCancellation, (s, _, c) => s.WaitForCancellationAsync(c))
        .AddUnary(EchoMetadataToTrailers, (_, _, c) => EchoMetadata(c))
        .AddUnary(GzipResponse, (_, r, c) => CompressedResponse(r, c))
        .AddUnary(Sized, (_, r, _) => Task.FromResult(new SimpleResponse { Payload = new Payload { Body = Google.Protobuf.ByteString.CopyFrom(new byte[r.ResponseSize]) } }))
        .AddUnary(ReportDeadline, (s, _, c) => s.ReportDeadlineAsync(c));

    private async Task<Empty> HangAsync()
    {
        probe.HandlerStarted.TrySetResult();
        await probe.ReleaseHandler.Task;
        return new Empty();
    }

    private async Task<Empty> WaitForCancellationAsync(ServerCallContext context)
    {
        probe.HandlerStarted.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            probe.HandlerCancelled.TrySetResult();
            throw;
        }

        return new Empty();
    }

    private Task<Empty> ReportDeadlineAsync(ServerCallContext context)
    {
        probe.ObservedDeadline = context.Deadline;
        return Task.FromResult(new Empty());
    }

    private static Task<Empty> EchoMetadata(ServerCallContext context)
    {
        foreach (var entry in context.RequestHeaders)
        {
            var key = "echo-" + entry.Key;
            if (entry.IsBinary)
            {
                context.ResponseTrailers.Add(key, entry.ValueBytes);
            }
            else
            {
                context.ResponseTrailers.Add(key, entry.Value);
            }
        }

        return Task.FromResult(new Empty());
    }

    private static Task<SimpleResponse> CompressedResponse(SimpleRequest request, ServerCallContext context)
    {
        context.ResponseCompression = "gzip";
        return Task.FromResult(new SimpleResponse { Payload = new Payload { Body = Google.Protobuf.ByteString.CopyFrom(new byte[request.ResponseSize]) } });
    }

    private static Method<TRequest, TResponse> Unary<TRequest, TResponse>(string name)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>, new()
        where TResponse : class, Google.Protobuf.IMessage<TResponse>, new() =>
        new(MethodType.Unary, ServiceName, name, new Google.Protobuf.MessageParser<TRequest>(() => new TRequest()), new Google.Protobuf.MessageParser<TResponse>(() => new TResponse()));
}
