using Microsoft.Extensions.Primitives;

namespace CoordinationHub.Rpc.Internal;

/// <summary>Converts call metadata to and from HTTP/2 header values (base64 for <c>-bin</c> keys).</summary>
internal static class MetadataHeaders
{
    /// <summary>Reads one header into <paramref name="metadata"/>, skipping protocol headers.</summary>
    public static void AddFromHeader(Metadata metadata, string name, StringValues values)
    {
        if (GrpcProtocol.IsReservedHeader(name))
        {
            return;
        }

        var key = name.ToLowerInvariant();
        var binary = Metadata.IsBinaryKey(key);
        foreach (var value in values)
        {
            if (value is null)
            {
                continue;
            }

            if (!binary)
            {
                metadata.Add(new MetadataEntry(key, value));
                continue;
            }

            // Several binary values may be folded into one header, separated by commas.
            foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
            {
                metadata.Add(new MetadataEntry(key, DecodeBase64(part)));
            }
        }
    }

    /// <summary>The header value for <paramref name="entry"/>: text as is, bytes as unpadded base64.</summary>
    public static string ToHeaderValue(MetadataEntry entry) =>
        entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes).TrimEnd('=') : entry.Value;

    /// <summary>Decodes padded or unpadded base64, as peers send either.</summary>
    public static byte[] DecodeBase64(string value)
    {
        var padding = (4 - value.Length % 4) % 4;
        if (padding is 1 or 2)
        {
            value += new string('=', padding);
        }

        try
        {
            return Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            throw new RpcException(StatusCode.Internal, "Binary metadata value is not valid base64.");
        }
    }
}
