using System.Buffers.Text;
using System.Globalization;
using System.Text;
using CoordinationHub.Rpc;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>
/// Opaque page tokens of the Cases listings: the position after the last item of the previous
/// page (keyset paging, so a case added meanwhile neither repeats nor skips an item).
/// </summary>
internal static class CasePageTokens
{
    /// <summary>Newest-first case listing: the last case's creation time (µs since the epoch) and id.</summary>
    public static string ForCase(DateTimeOffset createdAt, string caseId) =>
        Encode(string.Create(CultureInfo.InvariantCulture, $"c|{(createdAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10}|{caseId}"));

    public static (DateTimeOffset CreatedAt, string CaseId)? ParseCase(string token)
    {
        if (token.Length == 0)
        {
            return null;
        }

        var parts = Decode(token).Split('|');
        if (parts.Length == 3 && parts[0] == "c" && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var micros) && CaseIds.IsWellFormed(parts[2]))
        {
            return (DateTimeOffset.UnixEpoch.AddTicks(micros * 10), parts[2]);
        }

        throw Invalid();
    }

    /// <summary>History and search: a plain position (last event id, or the number of results already returned).</summary>
    public static string ForPosition(char kind, long position) => Encode(string.Create(CultureInfo.InvariantCulture, $"{kind}|{position}"));

    public static long ParsePosition(char kind, string token)
    {
        if (token.Length == 0)
        {
            return 0;
        }

        var parts = Decode(token).Split('|');
        return parts.Length == 2 && parts[0].Length == 1 && parts[0][0] == kind && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? position : throw Invalid();
    }

    private static string Encode(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    private static string Decode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw Invalid();
        }
    }

    private static RpcException Invalid() => new(StatusCode.InvalidArgument, "page_token is not one this hub issued; start again without it.");
}
