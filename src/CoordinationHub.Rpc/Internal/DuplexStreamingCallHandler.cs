using CoordinationHub.Rpc.Server;
using Google.Protobuf;

namespace CoordinationHub.Rpc.Internal;

internal sealed class DuplexStreamingCallHandler<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TService, TRequest, TResponse> invoker) : ServerCallHandler(method)
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected override Task InvokeAsync(HttpServerCallContext call) =>
        invoker(ResolveService<TService>(call), ReadRequestStreamAsync(call, method.RequestParser), new HttpServerStreamWriter<TResponse>(call), call);
}
