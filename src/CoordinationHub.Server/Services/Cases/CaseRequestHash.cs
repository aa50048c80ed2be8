using System.Security.Cryptography;
using CoordinationHub.Contracts.V1;
using Google.Protobuf;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>
/// The fingerprint of a report without its idempotency key: a retry carries the same report, so
/// the same key with another fingerprint is a client reusing a key, not a retry (ALREADY_EXISTS).
/// </summary>
internal static class CaseRequestHash
{
    public static string Of(ReportMissingPersonRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var payload = request.Clone();
        payload.RequestId = string.Empty;

        // The messages have no maps, so the encoding of equal messages is byte-for-byte equal.
        return Convert.ToHexStringLower(SHA256.HashData(payload.ToByteArray()));
    }
}
