using System.Security.Cryptography;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Server.Services.Cases;
using CoordinationHub.Server.Services.Referrals;
using Google.Protobuf;

namespace CoordinationHub.Server.Services.Identifications;

/// <summary>Checks of identification requests, each naming the field and the rule it breaks.</summary>
internal static class IdentificationRequestValidation
{
    public const int MaxSiteLength = 500;
    public const int MaxSampleReferenceLength = 100;
    public const int MaxNoteLength = 1000;

    public static string? CheckReport(ReportIdentificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var statistics = request.Statistics ?? new MatchStatistics();
        return ReferralRequestValidation.CheckRequestId(request.RequestId)
            ?? (CaseIds.IsWellFormed(request.CaseId) ? null : "case_id must look like MP-YYYY-NNNNNN.")
            ?? CheckText(request.Site, "site", MaxSiteLength)
            ?? CheckText(request.SampleReference, "sample_reference", MaxSampleReferenceLength)
            ?? (request.Method != IdentificationMethod.Unspecified && Enum.IsDefined(request.Method) ? null : "method is required: DNA_KINSHIP, DENTAL, FINGERPRINTS or ANTHROPOLOGY.")
            ?? (request.MatchedPerson != MatchedPerson.Unspecified && Enum.IsDefined(request.MatchedPerson) ? null : "matched_person is required: DECEASED or LIVING.")
            ?? (double.IsFinite(statistics.LikelihoodRatio) && statistics.LikelihoodRatio >= 0 ? null : "statistics.likelihood_ratio must be a finite number, not negative.")
            ?? (statistics.PosteriorProbability is >= 0 and <= 1 ? null : "statistics.posterior_probability must lie between 0 and 1.")
            ?? (statistics.PointsCompared >= 0 ? null : "statistics.points_compared must not be negative.");
    }

    public static string? CheckText(string text, string field, int maxLength) =>
        string.IsNullOrWhiteSpace(text) ? $"{field} is required."
        : text.Trim().Length > maxLength ? $"{field} must be at most {maxLength} characters."
        : null;

    public static string? CheckIdentificationId(string identificationId, out Guid id) =>
        Guid.TryParse(identificationId, out id) ? null : "identification_id must be the id of an identification (a UUID).";

    /// <summary>The fingerprint of a report without its idempotency key (see CaseRequestHash).</summary>
    public static string Hash(ReportIdentificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var payload = request.Clone();
        payload.RequestId = string.Empty;
        return Convert.ToHexStringLower(SHA256.HashData(payload.ToByteArray()));
    }
}
