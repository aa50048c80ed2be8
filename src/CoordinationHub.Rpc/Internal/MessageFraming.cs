using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Google.Protobuf;

namespace CoordinationHub.Rpc.Internal;

/// <summary>
/// Reads and writes length-prefixed gRPC messages: one flag byte (0 plain, 1 compressed), a 4-byte
/// big-endian length, then the bytes. HTTP/2 DATA frame boundaries are unrelated to message
/// boundaries, so the reader buffers until a whole message is there.
/// </summary>
internal static class MessageFraming
{
    /// <summary>
    /// Reads the next message, or returns null at a clean end of stream. The size limit is checked on the
    /// length prefix, before any of the message is buffered.
    /// </summary>
    public static async ValueTask<T?> ReadMessageAsync<T>(
        PipeReader reader, MessageParser<T> parser, int maxSize, string? encoding, CancellationToken cancellationToken)
        where T : class, IMessage<T> =>
        (await ReadFrameAsync(reader, parser, maxSize, encoding, cancellationToken).ConfigureAwait(false)).Message;

    /// <summary>Like <see cref="ReadMessageAsync{T}"/>, also telling whether the message arrived compressed.</summary>
    public static async ValueTask<(T? Message, bool Compressed)> ReadFrameAsync<T>(
        PipeReader reader, MessageParser<T> parser, int maxSize, string? encoding, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (TryReadFrame(ref buffer, maxSize, encoding, parser, out var message, out var compressed))
            {
                reader.AdvanceTo(buffer.Start);
                return (message, compressed);
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                var incomplete = !buffer.IsEmpty;
                reader.AdvanceTo(buffer.End);
                if (incomplete)
                {
                    throw new RpcException(StatusCode.Internal, "Incomplete message: the stream ended inside a length-prefixed frame.");
                }

                return (null, false);
            }

            // Nothing consumed, everything examined: wake up only when more bytes arrive.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Writes <paramref name="message"/> as one frame, compressed with <paramref name="encoding"/> unless null.</summary>
    public static void WriteMessage(IBufferWriter<byte> writer, IMessage message, int maxSize, string? encoding)
    {
        var size = message.CalculateSize();
        if (encoding is null)
        {
            EnsureSendSize(size, maxSize);
            var span = writer.GetSpan(GrpcProtocol.HeaderSize + size);
            span[0] = 0;
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)size);
            message.WriteTo(span.Slice(GrpcProtocol.HeaderSize, size));
            writer.Advance(GrpcProtocol.HeaderSize + size);
            return;
        }

        var plain = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            message.WriteTo(plain.AsSpan(0, size));
            using var compressedStream = MessageCompression.Compress(encoding, plain.AsSpan(0, size));
            var compressed = compressedStream.WrittenMemory.Span;
            EnsureSendSize(compressed.Length, maxSize);
            var span = writer.GetSpan(GrpcProtocol.HeaderSize + compressed.Length);
            span[0] = 1;
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)compressed.Length);
            compressed.CopyTo(span[GrpcProtocol.HeaderSize..]);
            writer.Advance(GrpcProtocol.HeaderSize + compressed.Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plain);
        }
    }

    private static bool TryReadFrame<T>(
        ref ReadOnlySequence<byte> buffer, int maxSize, string? encoding, MessageParser<T> parser, out T? message, out bool compressed)
        where T : class, IMessage<T>
    {
        message = null;
        compressed = false;
        if (buffer.Length < GrpcProtocol.HeaderSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[GrpcProtocol.HeaderSize];
        buffer.Slice(0, GrpcProtocol.HeaderSize).CopyTo(header);
        var flag = header[0];
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (flag > 1)
        {
            throw new RpcException(StatusCode.Internal, $"Invalid compressed-flag byte {flag} in message prefix.");
        }

        if (length > (uint)maxSize)
        {
            throw new RpcException(StatusCode.ResourceExhausted,
                $"Received message of {length} bytes exceeds the maximum message size of {maxSize} bytes.");
        }

        if (buffer.Length < GrpcProtocol.HeaderSize + length)
        {
            return false;
        }

        var payload = buffer.Slice(GrpcProtocol.HeaderSize, length);
        compressed = flag == 1;
        if (compressed)
        {
            if (encoding is null)
            {
                throw new RpcException(StatusCode.Internal, "Received a compressed message but no grpc-encoding was negotiated.");
            }

            // Parsing copies what it keeps, so the pooled buffer can go back as soon as it is done.
            using var plain = MessageCompression.Decompress(encoding, payload, maxSize);
            message = Parse(parser, new ReadOnlySequence<byte>(plain.WrittenMemory));
        }
        else
        {
            message = Parse(parser, payload);
        }

        buffer = buffer.Slice(payload.End);
        return true;
    }

    private static T Parse<T>(MessageParser<T> parser, ReadOnlySequence<byte> payload)
        where T : class, IMessage<T>
    {
        try
        {
            return parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException)
        {
            throw new RpcException(StatusCode.Internal, $"Failed to deserialize a {typeof(T).Name} message.");
        }
    }

    private static void EnsureSendSize(int size, int maxSize)
    {
        if (size > maxSize)
        {
            throw new RpcException(StatusCode.ResourceExhausted,
                $"Sending message of {size} bytes exceeds the maximum message size of {maxSize} bytes.");
        }
    }
}
