using CoordinationHub.Rpc.Client.Internal;

namespace CoordinationHub.Rpc.Client;

/// <summary>A call in progress with one request and a stream of responses. Disposing it cancels the call if it is still running.</summary>
/// <typeparam name="TResponse">The response message.</typeparam>
public sealed class AsyncServerStreamingCall<TResponse> : IDisposable
{
    private readonly IClientCall<TResponse> _call;

    internal AsyncServerStreamingCall(IClientCall<TResponse> call) => _call = call;

    /// <summary>The response headers (initial metadata), once they arrive.</summary>
    public Task<Metadata> ResponseHeadersAsync => _call.ResponseHeadersAsync;

    /// <summary>
    /// The response messages in order. Ends when the server ends the call with OK and throws
    /// <see cref="RpcException"/> when it ends with another status. Enumerate it once at a time;
    /// cancelling <paramref name="cancellationToken"/> cancels the call.
    /// </summary>
    public IAsyncEnumerable<TResponse> ReadAllAsync(CancellationToken cancellationToken = default) =>
        _call.ReadAllAsync(cancellationToken);

    /// <summary>The final status; throws <see cref="InvalidOperationException"/> while the call is running.</summary>
    public RpcStatus GetStatus() => _call.GetStatus();

    /// <summary>The trailing metadata; throws <see cref="InvalidOperationException"/> while the call is running.</summary>
    public Metadata GetTrailers() => _call.GetTrailers();

    /// <summary>Cancels the call if it is still running (the server sees the stream reset) and releases it.</summary>
    public void Dispose() => _call.Dispose();
}
