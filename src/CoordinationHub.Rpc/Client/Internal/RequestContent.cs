using System.Net;
using CoordinationHub.Rpc.Internal;

namespace CoordinationHub.Rpc.Client.Internal;

/// <summary>
/// The request body of a call, of unknown length. For a single request it writes the one framed
/// message; for a request stream it flushes at once, so the HEADERS frame leaves before any message,
/// hands the stream to the writer, and stays open until the writer completes or the call ends.
/// </summary>
internal sealed class RequestContent : HttpContent
{
    private readonly ReadOnlyMemory<byte>? _message;
    private readonly TaskCompletionSource<Stream> _streamReady = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Deliberately without RunContinuationsAsynchronously: completing it runs the end of
    // SerializeToStreamAsync inline, so the handler has queued END_STREAM before CompleteAsync
    // returns, and a Dispose right after it cannot reset a stream that was about to half-close.
    private readonly TaskCompletionSource _requestComplete = new();
    private int _serializeCount;

    private RequestContent(ReadOnlyMemory<byte>? message)
    {
        _message = message;
        Headers.TryAddWithoutValidation("Content-Type", GrpcProtocol.ContentType);
    }

    public static RequestContent ForMessage(ReadOnlyMemory<byte> framedMessage) => new(framedMessage);

    public static RequestContent ForStream() => new(null);

    public Task<Stream> WaitForStreamAsync(CancellationToken cancellationToken) => _streamReady.Task.WaitAsync(cancellationToken);

    public void CompleteRequest() => _requestComplete.TrySetResult();

    /// <summary>Releases a waiting writer and fails the body, which resets the stream if it is still open.</summary>
    public void Abort()
    {
        _streamReady.TrySetCanceled();
        _requestComplete.TrySetCanceled();
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (_message is { } message)
        {
            await stream.WriteAsync(message, cancellationToken).ConfigureAwait(false);
            return;
        }

        // The handler replays a body when the server refused the stream unprocessed; messages
        // already handed to the first stream cannot be replayed.
        if (Interlocked.Increment(ref _serializeCount) > 1)
        {
            throw new IOException("The request stream was refused by the server and cannot be replayed.");
        }

        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        _streamReady.TrySetResult(stream);
        await _requestComplete.Task.ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
