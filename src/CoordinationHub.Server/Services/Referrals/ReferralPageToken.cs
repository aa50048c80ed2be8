using System.Buffers.Binary;
using System.Buffers.Text;

namespace CoordinationHub.Server.Services.Referrals;

/// <summary>
/// The keyset position after the last referral of a page: its creation time and id. A position,
/// not an offset, so that referrals created while a client pages do not shift or repeat entries.
/// </summary>
internal readonly record struct ReferralPageToken(DateTimeOffset CreatedAt, Guid ReferralId)
{
    private const int Length = sizeof(long) + 16;

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        BinaryPrimitives.WriteInt64BigEndian(bytes, CreatedAt.UtcTicks);
        ReferralId.TryWriteBytes(bytes[sizeof(long)..], bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The position a token names (null for the first page); false when the hub did not issue it.</summary>
    public static bool TryDecode(string token, out ReferralPageToken? position)
    {
        position = null;
        if (token.Length == 0)
        {
            return true;
        }

        Span<byte> bytes = stackalloc byte[Length + 2];
        if (!Base64Url.IsValid(token) || !Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != Length)
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        position = new ReferralPageToken(new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(bytes[sizeof(long)..Length], bigEndian: true));
        return true;
    }
}
