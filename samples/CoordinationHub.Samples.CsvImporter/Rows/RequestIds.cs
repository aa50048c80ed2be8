using System.Security.Cryptography;
using System.Text;

namespace CoordinationHub.Samples.CsvImporter.Rows;

/// <summary>
/// The idempotency key of a row: derived from the agency and the ministry's own reference only, so
/// that every run of every version of the file sends the same key for the same case. The hub answers
/// a repeated key with the first result (<c>replayed</c>) and writes nothing; a repeated key with a
/// different report (the row was edited since) is refused with ALREADY_EXISTS, never applied silently.
/// </summary>
public static class RequestIds
{
    /// <summary>A hash keeps the key within the hub's 100 characters whatever the reference.</summary>
    public static string For(string agencyId, string reference)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(agencyId + "\n" + reference));
        return "csv-import:" + Convert.ToHexStringLower(digest.AsSpan(0, 16));
    }
}
