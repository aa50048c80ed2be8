using CoordinationHub.Rpc.Server;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace CoordinationHub.Rpc.Internal;

internal sealed class DuplexStreamingCallHandler<TService, TRequest, TResponse> : ServerCallHandler
    where TService : class
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly DuplexStreamingServerMethod<TService, TRequest, TResponse> _invoker;

    public DuplexStreamingCallHandler(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TService, TRequest, TResponse> invoker)
        : base(method) => _invoker = invoker;

    public override Task HandleCallAsync(HttpContext httpContext) => throw new NotImplementedException(_invoker.ToString());
}
