namespace CoordinationHub.Rpc.Client;

/// <summary>Writes request messages of a client-streaming or duplex call.</summary>
/// <typeparam name="T">The request message.</typeparam>
public interface IClientStreamWriter<in T>
{
    /// <summary>
    /// Options of the following writes; when null, those of the call's <see cref="CallOptions"/> apply.
    /// </summary>
    WriteOptions? WriteOptions { get; set; }

    /// <summary>
    /// Sends one message and flushes it. Only one write may be pending at a time. Cancelling
    /// <paramref name="cancellationToken"/> cancels the whole call.
    /// </summary>
    /// <exception cref="RpcException">The call has ended with a non-OK status, or the transport failed.</exception>
    Task WriteAsync(T message, CancellationToken cancellationToken = default);

    /// <summary>Half-closes the call: tells the server that no more messages follow. Idempotent.</summary>
    Task CompleteAsync();
}
