namespace CoordinationHub.Rpc.Internal;

/// <summary>
/// Request metadata read from the request headers on demand: a service that looks up a key or two
/// (the common case) costs no copy of every header.
/// </summary>
internal sealed partial class HttpServerCallContext : IDeferredMetadata
{
    // Null until known: whether a non-reserved -bin header is present. Copying decodes such headers
    // and fails on bad base64, so with one present every lookup copies, to fail exactly as before.
    private bool? _hasBinaryHeaders;

    bool IDeferredMetadata.TryGetLastText(string normalizedKey, out string? text)
    {
        text = null;
        if (_hasBinaryHeaders ??= HasBinaryHeaders())
        {
            return false;
        }

        if (GrpcProtocol.IsReservedHeader(normalizedKey) || !_http.Request.Headers.TryGetValue(normalizedKey, out var values))
        {
            return true;
        }

        for (var i = values.Count - 1; i >= 0 && text is null; i--)
        {
            text = values[i];
        }

        return true;
    }

    void IDeferredMetadata.CopyTo(Metadata metadata)
    {
        foreach (var header in _http.Request.Headers)
        {
            MetadataHeaders.AddFromHeader(metadata, header.Key, header.Value);
        }
    }

    private bool HasBinaryHeaders()
    {
        foreach (var header in _http.Request.Headers)
        {
            if (Metadata.IsBinaryKey(header.Key) && !GrpcProtocol.IsReservedHeader(header.Key))
            {
                return true;
            }
        }

        return false;
    }
}
