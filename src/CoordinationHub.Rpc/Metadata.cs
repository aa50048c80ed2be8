using System.Collections;
using System.Text;
using CoordinationHub.Rpc.Internal;

namespace CoordinationHub.Rpc;

/// <summary>
/// Ordered call metadata (request headers, response headers or trailers). A key may repeat.
/// Validates keys and values as the gRPC spec requires so that bad metadata fails where it is
/// added, not later as a confusing protocol error on the peer.
/// </summary>
public sealed class Metadata : IReadOnlyList<MetadataEntry>
{
    /// <summary>Suffix that marks a key whose value is binary.</summary>
    public const string BinarySuffix = "-bin";

    // Created on first use: request metadata that is only looked up by key never needs the list.
    private List<MetadataEntry>? _entries;

    // Request headers stay in the HTTP request until something needs more than a lookup by key.
    private IDeferredMetadata? _deferred;

    /// <summary>Empty metadata.</summary>
    public Metadata()
    {
    }

    internal Metadata(IDeferredMetadata deferred) => _deferred = deferred;

    /// <inheritdoc />
    public int Count => Entries.Count;

    /// <inheritdoc />
    public MetadataEntry this[int index] => Entries[index];

    private List<MetadataEntry> Entries
    {
        get
        {
            if (_deferred is { } deferred)
            {
                _deferred = null;
                deferred.CopyTo(this);
            }

            return _entries ??= [];
        }
    }

    /// <summary>Adds a text entry. The key is lower-cased; it must not end in <c>-bin</c>.</summary>
    public Metadata Add(string key, string value)
    {
        var normalized = NormalizeKey(key);
        if (IsBinaryKey(normalized))
        {
            throw new ArgumentException($"Metadata key '{normalized}' ends in '-bin' and needs a byte[] value.", nameof(key));
        }

        foreach (var c in value)
        {
            if (c < 0x20 || c > 0x7E)
            {
                throw new ArgumentException($"Metadata value for '{normalized}' must be printable ASCII.", nameof(value));
            }
        }

        Entries.Add(new MetadataEntry(normalized, value));
        return this;
    }

    /// <summary>Adds a binary entry. The key must end in <c>-bin</c>.</summary>
    public Metadata Add(string key, byte[] value)
    {
        var normalized = NormalizeKey(key);
        if (!IsBinaryKey(normalized))
        {
            throw new ArgumentException($"Binary metadata key '{normalized}' must end in '-bin'.", nameof(key));
        }

        Entries.Add(new MetadataEntry(normalized, value.ToArray()));
        return this;
    }

    /// <summary>Adds an already-validated entry.</summary>
    public Metadata Add(MetadataEntry entry)
    {
        Entries.Add(entry);
        return this;
    }

    /// <summary>The last text value for <paramref name="key"/>, or null.</summary>
    public string? GetValue(string key)
    {
        if (_deferred is { } deferred && deferred.TryGetLastText(key.ToLowerInvariant(), out var text))
        {
            return text;
        }

        var entry = Find(key);
        return entry?.Value;
    }

    /// <summary>The last binary value for <paramref name="key"/>, or null.</summary>
    public byte[]? GetValueBytes(string key)
    {
        if (_deferred is { } deferred && deferred.TryGetLastText(key.ToLowerInvariant(), out var text))
        {
            return text is null ? null : Encoding.ASCII.GetBytes(text);
        }

        var entry = Find(key);
        return entry?.ValueBytes;
    }

    /// <summary>All entries with <paramref name="key"/>, in order.</summary>
    public IEnumerable<MetadataEntry> GetAll(string key)
    {
        var normalized = key.ToLowerInvariant();
        return Entries.Where(e => e.Key == normalized);
    }

    /// <summary>Removes every entry with <paramref name="key"/>; returns how many were removed.</summary>
    public int RemoveAll(string key)
    {
        var normalized = key.ToLowerInvariant();
        return Entries.RemoveAll(e => e.Key == normalized);
    }

    /// <inheritdoc />
    public IEnumerator<MetadataEntry> GetEnumerator() => Entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>True when <paramref name="key"/> names a binary entry.</summary>
    public static bool IsBinaryKey(string key) => key.EndsWith(BinarySuffix, StringComparison.OrdinalIgnoreCase);

    private MetadataEntry? Find(string key)
    {
        var normalized = key.ToLowerInvariant();
        var entries = Entries;
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            if (entries[i].Key == normalized)
            {
                return entries[i];
            }
        }

        return null;
    }

    private static string NormalizeKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var normalized = key.ToLowerInvariant();
        foreach (var c in normalized)
        {
            var valid = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.' or '-';
            if (!valid)
            {
                throw new ArgumentException($"Metadata key '{key}' may contain only [0-9a-z_.-].", nameof(key));
            }
        }

        if (normalized.StartsWith("grpc-", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Metadata key '{key}' uses the reserved 'grpc-' prefix.", nameof(key));
        }

        return normalized;
    }
}
