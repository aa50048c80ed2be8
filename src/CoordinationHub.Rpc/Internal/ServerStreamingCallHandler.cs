using CoordinationHub.Rpc.Server;
using Google.Protobuf;

namespace CoordinationHub.Rpc.Internal;

internal sealed class ServerStreamingCallHandler<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method, ServerStreamingServerMethod<TService, TRequest, TResponse> invoker) : ServerCallHandler(method)
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override async Task InvokeAsync(HttpServerCallContext call)
    {
        var request = await ReadSingleRequestAsync(call, method.RequestParser).ConfigureAwait(false);
        await invoker(ResolveService<TService>(call), request, new HttpServerStreamWriter<TResponse>(call), call).ConfigureAwait(false);
    }
}
