using System.Threading.Channels;

namespace CoordinationHub.Rpc.Tests.Infrastructure;

/// <summary>A request stream (the IAsyncEnumerable a streaming method reads) the test feeds message by message and half-closes when it chooses.</summary>
public sealed class TestRequestSource<T> : IAsyncEnumerable<T>
{
    private readonly Channel<T> _requests = Channel.CreateUnbounded<T>();

    public void Send(T message)
    {
        if (!_requests.Writer.TryWrite(message))
        {
            throw new InvalidOperationException("The request stream is already complete.");
        }
    }

    /// <summary>Half-closes: the service sees the end of the request stream.</summary>
    public void Complete() => _requests.Writer.TryComplete();

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        _requests.Reader.ReadAllAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
}
