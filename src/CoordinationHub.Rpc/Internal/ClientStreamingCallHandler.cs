using CoordinationHub.Rpc.Server;
using Google.Protobuf;

namespace CoordinationHub.Rpc.Internal;

internal sealed class ClientStreamingCallHandler<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method, ClientStreamingServerMethod<TService, TRequest, TResponse> invoker) : ServerCallHandler(method)
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override async Task InvokeAsync(HttpServerCallContext call)
    {
        var requests = ReadRequestStreamAsync(call, method.RequestParser);
        var response = await invoker(ResolveService<TService>(call), requests, call).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{method.FullName} returned no response message.");
        await call.WriteMessageAsync(response, flush: false, CancellationToken.None).ConfigureAwait(false);
    }
}
