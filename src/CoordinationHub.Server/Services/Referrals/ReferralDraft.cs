using System.Security.Cryptography;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Server.Services.Agencies;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace CoordinationHub.Server.Services.Referrals;

/// <summary>A create request, checked and normalised: what will be stored, and the hash a retry must match.</summary>
internal sealed record ReferralDraft(
    string RequestId, string CaseId, string ToAgencyId, string Purpose, IReadOnlyList<string> Categories, string Reason, DateTimeOffset DueAt)
{
    /// <summary>
    /// SHA-256 of the normalised payload without the request id, lower-case hex. Normalised, so that a
    /// retry that lists the same categories in another order, or re-serialises the due time, is the
    /// same request; the protobuf encoding of a canonical message keeps fields from running together.
    /// </summary>
    public string Hash()
    {
        var canonical = new CreateReferralRequest
        {
            CaseId = CaseId,
            ToAgencyId = ToAgencyId,
            Purpose = ClaimVocabulary.PurposeFromName(Purpose),
            DataCategories = { Categories.Select(ClaimVocabulary.CategoryFromName) },
            Reason = Reason,
            DueTime = Timestamp.FromDateTimeOffset(DueAt),
        };
        return Convert.ToHexStringLower(SHA256.HashData(canonical.ToByteArray()));
    }
}
