using System.Buffers;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace CoordinationHub.Rpc.Internal;

/// <summary>
/// The message encodings this implementation speaks: gzip, and gRPC's <c>deflate</c>, which is the
/// zlib format (RFC 1950), not raw deflate.
/// </summary>
internal static class MessageCompression
{
    public const string Gzip = "gzip";
    public const string Deflate = "deflate";

    /// <summary>Value of <c>grpc-accept-encoding</c> that we advertise.</summary>
    public const string AcceptEncodingValue = "identity,gzip,deflate";

    public static bool IsSupported(string encoding) =>
        encoding is Gzip or Deflate;

    /// <summary>True when <paramref name="acceptEncoding"/> (a comma list) names <paramref name="encoding"/>.</summary>
    public static bool Accepts(string? acceptEncoding, string encoding)
    {
        if (string.IsNullOrEmpty(acceptEncoding))
        {
            return false;
        }

        foreach (var part in acceptEncoding.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Equals(encoding, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Compresses <paramref name="data"/> into a pooled buffer; dispose the result to return it.</summary>
    public static PooledBufferStream Compress(string encoding, ReadOnlySpan<byte> data)
    {
        var output = new PooledBufferStream(data.Length / 2 + 64);
        try
        {
            using (var compressor = CreateStream(encoding, output, CompressionMode.Compress))
            {
                compressor.Write(data);
            }

            return output;
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Decompresses <paramref name="data"/> into a pooled buffer (dispose the result to return it),
    /// refusing output larger than <paramref name="maxSize"/> so a small "zip bomb" frame cannot
    /// exhaust memory.
    /// </summary>
    public static PooledBufferStream Decompress(string encoding, ReadOnlySequence<byte> data, int maxSize)
    {
        // A frame in one array-backed segment (the usual case) is read in place; otherwise it is
        // gathered into a pooled array first.
        byte[]? gathered = null;
        PooledBufferStream? output = new((int)Math.Min(Math.Max(data.Length * 4, 4096), Math.Min(maxSize + 1L, 1024 * 1024)));
        try
        {
            MemoryStream input;
            if (data.IsSingleSegment && MemoryMarshal.TryGetArray(data.First, out var segment))
            {
                input = new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false);
            }
            else
            {
                gathered = ArrayPool<byte>.Shared.Rent((int)data.Length);
                data.CopyTo(gathered);
                input = new MemoryStream(gathered, 0, (int)data.Length, writable: false);
            }

            using (input)
            using (var decompressor = CreateStream(encoding, input, CompressionMode.Decompress))
            {
                var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
                try
                {
                    int read;
                    while ((read = decompressor.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        if (output.Length + read > maxSize)
                        {
                            throw new RpcException(StatusCode.ResourceExhausted,
                                $"Decompressed message exceeds the maximum message size of {maxSize} bytes.");
                        }

                        output.Write(buffer, 0, read);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }

            var result = output;
            output = null;
            return result;
        }
        catch (InvalidDataException)
        {
            throw new RpcException(StatusCode.Internal, $"Message is not valid {encoding} data.");
        }
        finally
        {
            output?.Dispose();
            if (gathered is not null)
            {
                ArrayPool<byte>.Shared.Return(gathered);
            }
        }
    }

    private static Stream CreateStream(string encoding, Stream inner, CompressionMode mode) => encoding switch
    {
        Gzip => mode == CompressionMode.Compress
            ? new GZipStream(inner, CompressionLevel.Fastest, leaveOpen: true)
            : new GZipStream(inner, mode, leaveOpen: true),
        Deflate => mode == CompressionMode.Compress
            ? new ZLibStream(inner, CompressionLevel.Fastest, leaveOpen: true)
            : new ZLibStream(inner, mode, leaveOpen: true),
        _ => throw new RpcException(StatusCode.Unimplemented, $"Unsupported grpc-encoding '{encoding}'."),
    };
}
