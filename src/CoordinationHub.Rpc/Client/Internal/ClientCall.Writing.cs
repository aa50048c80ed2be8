using System.Buffers;
using CoordinationHub.Rpc.Internal;

namespace CoordinationHub.Rpc.Client.Internal;

/// <summary>The request side of a streaming call.</summary>
internal sealed partial class ClientCall<TRequest, TResponse>
{
    public async Task WriteMessageAsync(TRequest message, WriteOptions? writeOptions, CancellationToken cancellationToken)
    {
        if (IsCompleted)
        {
            throw StatusException();
        }

        ReadOnlyMemory<byte> frame;
        try
        {
            frame = Serialize(message, writeOptions ?? _options.WriteOptions);
        }
        catch (RpcException ex)
        {
            // Like other gRPC clients: a message over the send limit ends the whole call.
            Complete(ex.Status, trailers: null, ex);
            throw StatusException();
        }

        using var registration = RegisterCancellation(cancellationToken);
        try
        {
            var stream = await _content!.WaitForStreamAsync(_callToken).ConfigureAwait(false);
            await stream.WriteAsync(frame, _callToken).ConfigureAwait(false);
            await stream.FlushAsync(_callToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            if (IsCompleted)
            {
                throw StatusException();
            }

            // The write failed but the call is not over: the response side, which sees the
            // trailers or the reset, decides the call's status; this write reports the transport's.
            throw new RpcException(ClientStatusMapping.FromException(ex), ex);
        }
    }

    public void CompleteRequest() => _content?.CompleteRequest();

    private ReadOnlyMemory<byte> Serialize(TRequest message, WriteOptions? writeOptions)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var encoding = writeOptions is { NoCompress: true } ? null : _requestEncoding;
        MessageFraming.WriteMessage(buffer, message, _channel.MaxSendMessageSize, encoding);
        return buffer.WrittenMemory;
    }

    private static string? ValidateEncoding(string? encoding)
    {
        if (encoding is null || encoding == GrpcProtocol.IdentityEncoding)
        {
            return null;
        }

        return MessageCompression.IsSupported(encoding)
            ? encoding
            : throw new ArgumentException($"Request compression '{encoding}' is not supported; use gzip or deflate.", nameof(encoding));
    }
}
