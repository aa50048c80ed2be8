using CoordinationHub.Rpc.Internal;
using Google.Protobuf;

namespace CoordinationHub.Rpc.Server;

/// <summary>Collects the methods of one service implementation for endpoint mapping.</summary>
/// <typeparam name="TService">The service implementation.</typeparam>
public sealed class RpcServiceBinder<TService>
    where TService : class
{
    private readonly List<ServerCallHandler> _handlers = [];

    internal IReadOnlyList<ServerCallHandler> Handlers => _handlers;

    /// <summary>Binds a unary method.</summary>
    public RpcServiceBinder<TService> AddUnary<TRequest, TResponse>(
        Method<TRequest, TResponse> method, UnaryServerMethod<TService, TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        EnsureType(method, MethodType.Unary);
        _handlers.Add(new UnaryCallHandler<TService, TRequest, TResponse>(method, handler));
        return this;
    }

    /// <summary>Binds a client-streaming method.</summary>
    public RpcServiceBinder<TService> AddClientStreaming<TRequest, TResponse>(
        Method<TRequest, TResponse> method, ClientStreamingServerMethod<TService, TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        EnsureType(method, MethodType.ClientStreaming);
        _handlers.Add(new ClientStreamingCallHandler<TService, TRequest, TResponse>(method, handler));
        return this;
    }

    /// <summary>Binds a server-streaming method.</summary>
    public RpcServiceBinder<TService> AddServerStreaming<TRequest, TResponse>(
        Method<TRequest, TResponse> method, ServerStreamingServerMethod<TService, TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        EnsureType(method, MethodType.ServerStreaming);
        _handlers.Add(new ServerStreamingCallHandler<TService, TRequest, TResponse>(method, handler));
        return this;
    }

    /// <summary>Binds a bidirectional-streaming method.</summary>
    public RpcServiceBinder<TService> AddDuplexStreaming<TRequest, TResponse>(
        Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TService, TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        EnsureType(method, MethodType.DuplexStreaming);
        _handlers.Add(new DuplexStreamingCallHandler<TService, TRequest, TResponse>(method, handler));
        return this;
    }

    private static void EnsureType(IMethod method, MethodType expected)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method.Type != expected)
        {
            throw new ArgumentException($"{method.FullName} is {method.Type}, not {expected}.", nameof(method));
        }
    }
}
