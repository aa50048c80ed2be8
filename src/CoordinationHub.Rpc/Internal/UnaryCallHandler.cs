using CoordinationHub.Rpc.Server;
using Google.Protobuf;

namespace CoordinationHub.Rpc.Internal;

internal sealed class UnaryCallHandler<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method, UnaryServerMethod<TService, TRequest, TResponse> invoker) : ServerCallHandler(method)
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override async Task InvokeAsync(HttpServerCallContext call)
    {
        var request = await ReadSingleRequestAsync(call, method.RequestParser).ConfigureAwait(false);
        var response = await invoker(ResolveService<TService>(call), request, call).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{method.FullName} returned no response message.");

        // No flush: Kestrel sends the message and the trailers together when the call completes.
        await call.WriteMessageAsync(response, flush: false, CancellationToken.None).ConfigureAwait(false);
    }
}
