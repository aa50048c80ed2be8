using System.Buffers;
using System.Text;

namespace CoordinationHub.Rpc.Internal;

/// <summary>
/// The percent-encoding of <c>grpc-message</c>: UTF-8 bytes outside 0x20-0x7E, and '%' itself, become
/// %XX. Decoding is lenient, as the spec asks: a malformed escape is kept as it is.
/// </summary>
internal static class PercentEncoding
{
    public static string Encode(string value)
    {
        if (!NeedsEncoding(value))
        {
            return value;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b is < 0x20 or > 0x7E or (byte)'%')
            {
                builder.Append('%').Append(HexDigit(b >> 4)).Append(HexDigit(b & 0xF));
            }
            else
            {
                builder.Append((char)b);
            }
        }

        return builder.ToString();
    }

    public static string Decode(string value)
    {
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }

        // A decoded value is never longer than its UTF-8 bytes; a stray non-ASCII char takes up to 3.
        var buffer = ArrayPool<byte>.Shared.Rent(value.Length * 3);
        try
        {
            var length = 0;
            for (var i = 0; i < value.Length; i++)
            {
                if (value[i] == '%' && i + 2 < value.Length
                    && TryHex(value[i + 1], out var high) && TryHex(value[i + 2], out var low))
                {
                    buffer[length++] = (byte)((high << 4) | low);
                    i += 2;
                }
                else if (value[i] < 0x80)
                {
                    buffer[length++] = (byte)value[i];
                }
                else
                {
                    length += Encoding.UTF8.GetBytes(value.AsSpan(i, 1), buffer.AsSpan(length));
                }
            }

            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool NeedsEncoding(string value)
    {
        foreach (var c in value)
        {
            if (c is < (char)0x20 or > (char)0x7E or '%')
            {
                return true;
            }
        }

        return false;
    }

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);

    private static bool TryHex(char c, out int value)
    {
        value = c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };
        return value >= 0;
    }
}
