using Google.Protobuf;

namespace CoordinationHub.Rpc.Internal;

/// <summary>Writes streamed responses through the call, flushing each so the client sees it at once.</summary>
internal sealed class HttpServerStreamWriter<TResponse>(HttpServerCallContext call) : IServerStreamWriter<TResponse>
    where TResponse : class, IMessage<TResponse>
{
    public Task WriteAsync(TResponse message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return call.WriteMessageAsync(message, flush: true, cancellationToken);
    }
}
