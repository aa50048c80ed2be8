using System.Text;

namespace CoordinationHub.Rpc;

/// <summary>
/// One metadata key and its value. Keys ending in <c>-bin</c> carry bytes (base64 on the wire);
/// all others carry printable ASCII.
/// </summary>
public sealed class MetadataEntry
{
    private readonly string? _text;
    private readonly byte[]? _bytes;

    internal MetadataEntry(string key, string text)
    {
        Key = key;
        _text = text;
    }

    internal MetadataEntry(string key, byte[] bytes)
    {
        Key = key;
        _bytes = bytes;
    }

    /// <summary>The lower-case key.</summary>
    public string Key { get; }

    /// <summary>True for <c>-bin</c> keys, whose value is bytes.</summary>
    public bool IsBinary => _bytes is not null;

    /// <summary>The text value; for a binary entry, its bytes read as UTF-8.</summary>
    public string Value => _text ?? Encoding.UTF8.GetString(_bytes!);

    /// <summary>The binary value; for a text entry, its ASCII bytes.</summary>
    public byte[] ValueBytes => _bytes ?? Encoding.ASCII.GetBytes(_text!);

    /// <inheritdoc />
    public override string ToString() => IsBinary ? $"{Key}=<{_bytes!.Length} bytes>" : $"{Key}={_text}";
}
