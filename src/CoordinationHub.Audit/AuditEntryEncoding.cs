using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CoordinationHub.Audit;

/// <summary>
/// The canonical, byte-exact encoding of an entry, and its SHA-256 hash. Version 1, in this order:
/// <code>
/// str("coordinationhub.audit.entry.v1")
/// int32 chain · int64 seq · int64 occurred_at (microseconds since 1970-01-01T00:00:00Z)
/// str agency_id · str certificate_thumbprint · str officer · str method · str target · str case_id
/// str purpose · str decision · str basis · str reason
/// list categories_disclosed · list categories_withheld
/// str request_id · str call_id
/// 32 bytes prev_hash
/// </code>
/// Integers are big-endian two's complement; <c>str</c> is a uint32 big-endian byte count followed by
/// the strict UTF-8 bytes of the string as stored (no normalisation); <c>list</c> is a uint32
/// big-endian count followed by each element as <c>str</c>. Length prefixes make the encoding
/// unambiguous (no separator can be forged inside a field) and simple enough to reproduce in SQL or
/// any language from this comment alone. Chain and seq are hashed, so an entry copied or moved to
/// another position no longer matches its hash.
/// </summary>
public static class AuditEntryEncoding
{
    public const string Tag = "coordinationhub.audit.entry.v1";

    public const int HashLength = 32;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The prev_hash of the first entry of every chain.</summary>
    public static ReadOnlyMemory<byte> GenesisHash { get; } = new byte[HashLength];

    /// <summary>Microseconds since the Unix epoch; the only precision the encoding keeps.</summary>
    public static long ToMicroseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    public static DateTimeOffset FromMicroseconds(long microseconds) => DateTimeOffset.UnixEpoch.AddTicks(microseconds * TimeSpan.TicksPerMicrosecond);

    /// <summary>The canonical bytes of <paramref name="entry"/> (its <see cref="ChainedAuditEntry.Hash"/> is not part of them).</summary>
    public static byte[] Encode(ChainedAuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var buffer = new ArrayBufferWriter<byte>(512);
        Write(entry, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>SHA-256 of the canonical encoding.</summary>
    public static byte[] ComputeHash(ChainedAuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var buffer = new ArrayBufferWriter<byte>(512);
        Write(entry, buffer);
        return SHA256.HashData(buffer.WrittenSpan);
    }

    private static void Write(ChainedAuditEntry entry, ArrayBufferWriter<byte> output)
    {
        if (entry.PrevHash.Length != HashLength)
        {
            throw new ArgumentException($"prev_hash must be {HashLength} bytes, not {entry.PrevHash.Length}.", nameof(entry));
        }

        WriteString(output, Tag);
        BinaryPrimitives.WriteInt32BigEndian(output.GetSpan(4), entry.Chain);
        output.Advance(4);
        BinaryPrimitives.WriteInt64BigEndian(output.GetSpan(8), entry.Seq);
        output.Advance(8);
        BinaryPrimitives.WriteInt64BigEndian(output.GetSpan(8), ToMicroseconds(entry.OccurredAt));
        output.Advance(8);
        WriteString(output, entry.AgencyId);
        WriteString(output, entry.CertificateThumbprint);
        WriteString(output, entry.Officer);
        WriteString(output, entry.Method);
        WriteString(output, entry.Target);
        WriteString(output, entry.CaseId);
        WriteString(output, entry.Purpose);
        WriteString(output, entry.Decision);
        WriteString(output, entry.Basis);
        WriteString(output, entry.Reason);
        WriteList(output, entry.CategoriesDisclosed);
        WriteList(output, entry.CategoriesWithheld);
        WriteString(output, entry.RequestId);
        WriteString(output, entry.CallId);
        output.Write(entry.PrevHash.Span);
    }

    private static void WriteList(ArrayBufferWriter<byte> output, IReadOnlyList<string> values)
    {
        BinaryPrimitives.WriteUInt32BigEndian(output.GetSpan(4), (uint)values.Count);
        output.Advance(4);
        foreach (var value in values)
        {
            WriteString(output, value);
        }
    }

    private static void WriteString(ArrayBufferWriter<byte> output, string value)
    {
        var length = StrictUtf8.GetByteCount(value);
        var span = output.GetSpan(4 + length);
        BinaryPrimitives.WriteUInt32BigEndian(span, (uint)length);
        StrictUtf8.GetBytes(value, span[4..]);
        output.Advance(4 + length);
    }
}
