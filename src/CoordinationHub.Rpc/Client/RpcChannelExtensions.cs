using Google.Protobuf;

namespace CoordinationHub.Rpc.Client;

/// <summary>Shortcuts over <see cref="RpcChannel"/>.</summary>
public static class RpcChannelExtensions
{
    /// <summary>Makes a unary call and returns its response.</summary>
    /// <exception cref="RpcException">The call ended with a non-OK status.</exception>
    public static async Task<TResponse> UnaryAsync<TRequest, TResponse>(
        this RpcChannel channel, Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(channel);
        using var call = channel.AsyncUnaryCall(method, request, options);
        return await call.ResponseAsync.ConfigureAwait(false);
    }
}
