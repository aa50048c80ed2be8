namespace CoordinationHub.Rpc.Internal;

/// <summary>Metadata not copied into a <see cref="Metadata"/> yet, such as request headers still in the HTTP request.</summary>
internal interface IDeferredMetadata
{
    /// <summary>
    /// The last text value for <paramref name="normalizedKey"/> (null when absent), when it can be found
    /// without copying everything and gives the same answer as the copy would; otherwise false.
    /// </summary>
    bool TryGetLastText(string normalizedKey, out string? text);

    /// <summary>Adds every entry to <paramref name="metadata"/>, in order.</summary>
    void CopyTo(Metadata metadata);
}
