using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace CoordinationHub.Benchmarks;

/// <summary>Deterministic messages of an exact serialized size for the framing benchmarks.</summary>
public static class BenchmarkMessages
{
    /// <summary>
    /// A <see cref="BytesValue"/> whose serialized form is exactly <paramref name="serializedSize"/> bytes.
    /// The bytes are drawn from 16 letters with a fixed seed: about as compressible as typical JSON-ish
    /// payloads (gzip roughly halves them), unlike all-zero bodies, which gzip makes vanish.
    /// </summary>
    public static BytesValue Create(int serializedSize)
    {
        var valueLength = serializedSize - 1 - CodedOutputStream.ComputeLengthSize(serializedSize);
        while (1 + CodedOutputStream.ComputeLengthSize(valueLength) + valueLength > serializedSize)
        {
            valueLength--;
        }

        var random = new Random(42);
        var bytes = new byte[valueLength];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)('a' + random.Next(16));
        }

        var message = new BytesValue { Value = ByteString.CopyFrom(bytes) };
        if (message.CalculateSize() != serializedSize)
        {
            throw new InvalidOperationException($"Cannot make a message of exactly {serializedSize} bytes.");
        }

        return message;
    }
}
