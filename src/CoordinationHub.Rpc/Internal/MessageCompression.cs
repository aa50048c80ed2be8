using System.Buffers;
using System.IO.Compression;

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

    public static byte[] Compress(string encoding, ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length / 2 + 16);
        using (var compressor = CreateStream(encoding, output, CompressionMode.Compress))
        {
            compressor.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>
    /// Decompresses <paramref name="data"/>, refusing output larger than <paramref name="maxSize"/> so a
    /// small "zip bomb" frame cannot exhaust memory.
    /// </summary>
    public static byte[] Decompress(string encoding, ReadOnlySequence<byte> data, int maxSize)
    {
        try
        {
            using var input = new MemoryStream(data.ToArray(), writable: false);
            using var decompressor = CreateStream(encoding, input, CompressionMode.Decompress);
            using var output = new MemoryStream();
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

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            throw new RpcException(StatusCode.Internal, $"Message is not valid {encoding} data.");
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
