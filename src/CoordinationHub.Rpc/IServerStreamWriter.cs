namespace CoordinationHub.Rpc;

/// <summary>Writes response messages of a server-streaming or duplex call.</summary>
/// <typeparam name="T">The response message.</typeparam>
public interface IServerStreamWriter<in T>
{
    /// <summary>Writes and flushes one message; completes when it was handed to the transport.</summary>
    Task WriteAsync(T message, CancellationToken cancellationToken = default);
}
