using System.Threading.Channels;

namespace CoordinationHub.Rpc.Tests.Infrastructure;

/// <summary>Collects what a service method writes so a test can await each message as it is written.</summary>
public sealed class TestServerStreamWriter<T> : IServerStreamWriter<T>
{
    /// <summary>Generous because the build machine is shared; a passing test never waits this long.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly Channel<T> _written = Channel.CreateUnbounded<T>();

    public Task WriteAsync(T message, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _written.Writer.TryWrite(message);
        return Task.CompletedTask;
    }

    /// <summary>The next written message; fails the test when none arrives in time.</summary>
    public async Task<T> ReadNextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            return await _written.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"No message was written within {timeout ?? DefaultTimeout}.");
        }
    }

    /// <summary>True when a written message has not been read yet.</summary>
    public bool TryReadNext(out T message) => _written.Reader.TryRead(out message!);
}
