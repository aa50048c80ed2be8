using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CoordinationHub.Audit;

/// <summary>
/// What a checkpoint signs, byte for byte:
/// <code>
/// uint32 length + UTF-8 "coordinationhub.audit.checkpoint.v1" · int32 chain · int64 seq
/// 32 bytes entry_hash · int64 signed_at (microseconds since the Unix epoch)
/// </code>
/// (big-endian), signed with ECDSA P-256 / SHA-256 in IEEE P1363 form. The key id is in the record
/// but not signed: it only selects the key, and a wrong one just fails verification.
/// </summary>
public static class CheckpointSignature
{
    public const string Tag = "coordinationhub.audit.checkpoint.v1";

    public static byte[] Payload(int chain, long seq, ReadOnlySpan<byte> entryHash, DateTimeOffset signedAt)
    {
        if (entryHash.Length != AuditEntryEncoding.HashLength)
        {
            throw new ArgumentException($"entry hash must be {AuditEntryEncoding.HashLength} bytes.", nameof(entryHash));
        }

        var buffer = new ArrayBufferWriter<byte>(128);
        var tag = Encoding.UTF8.GetBytes(Tag);
        BinaryPrimitives.WriteUInt32BigEndian(buffer.GetSpan(4), (uint)tag.Length);
        buffer.Advance(4);
        buffer.Write(tag);
        BinaryPrimitives.WriteInt32BigEndian(buffer.GetSpan(4), chain);
        buffer.Advance(4);
        BinaryPrimitives.WriteInt64BigEndian(buffer.GetSpan(8), seq);
        buffer.Advance(8);
        buffer.Write(entryHash);
        BinaryPrimitives.WriteInt64BigEndian(buffer.GetSpan(8), AuditEntryEncoding.ToMicroseconds(signedAt));
        buffer.Advance(8);
        return buffer.WrittenSpan.ToArray();
    }

    public static AuditCheckpoint Sign(ECDsa key, int chain, long seq, ReadOnlyMemory<byte> entryHash, DateTimeOffset signedAt)
    {
        ArgumentNullException.ThrowIfNull(key);
        var payload = Payload(chain, seq, entryHash.Span, signedAt);
        return new AuditCheckpoint
        {
            Chain = chain,
            Seq = seq,
            EntryHash = entryHash,
            SignedAt = AuditEntryEncoding.FromMicroseconds(AuditEntryEncoding.ToMicroseconds(signedAt)),
            KeyId = KeyIdOf(key),
            Signature = key.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
        };
    }

    public static bool Verify(ECDsa publicKey, AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (checkpoint.EntryHash.Length != AuditEntryEncoding.HashLength)
        {
            return false;
        }

        var payload = Payload(checkpoint.Chain, checkpoint.Seq, checkpoint.EntryHash.Span, checkpoint.SignedAt);
        return publicKey.VerifyData(payload, checkpoint.Signature.Span, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>Lower-case hex SHA-256 of the key's SubjectPublicKeyInfo (DER): the same for the private key and its published public half.</summary>
    public static string KeyIdOf(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
    }
}
