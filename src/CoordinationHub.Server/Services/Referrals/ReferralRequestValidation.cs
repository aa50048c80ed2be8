using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Services.Agencies;

namespace CoordinationHub.Server.Services.Referrals;

/// <summary>
/// What a referral request must say before the hub looks anything up (INVALID_ARGUMENT otherwise).
/// Lengths follow the columns of <c>cases.referrals</c>, so nothing valid here fails at the insert.
/// </summary>
internal static class ReferralRequestValidation
{
    public const int MaxRequestIdLength = 100;
    public const int MaxCaseIdLength = 20;
    public const int MaxReasonLength = 1000;

    public static (ReferralDraft? Draft, string? Problem) CheckCreate(CreateReferralRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problem = CheckRequestId(request.RequestId)
            ?? CheckCaseId(request.CaseId)
            ?? (AgencyId.IsValid(request.ToAgencyId) ? null : "to_agency_id must name a registered agency (lower-case letters, digits and hyphens).")
            ?? CheckText(request.Reason, "reason");
        if (problem is not null)
        {
            return (null, problem);
        }

        if (request.DueTime is not { } dueTime)
        {
            return (null, "due_time is required.");
        }

        if (ClaimVocabulary.PurposeName(request.Purpose) is not { } purpose)
        {
            return (null, "purpose is required.");
        }

        var categories = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var category in request.DataCategories)
        {
            if (ClaimVocabulary.CategoryName(category) is not { } name)
            {
                return (null, $"data_categories holds {category}, which is not a data category.");
            }

            categories.Add(name);
        }

        if (categories.Count == 0)
        {
            return (null, "data_categories must name at least one category the recipient is to act on.");
        }

        // The disclosure policy never releases genetic data for a criminal investigation; a referral
        // asking for it would be one the recipient could never act on.
        if (categories.Contains(DataCategories.Genetic) && purpose == Purposes.CriminalInvestigation)
        {
            return (null, "genetic data serves identification only; it cannot be referred for criminal_investigation.");
        }

        // Rounded to PostgreSQL's microseconds, so that the stored due time and the hash of a retry agree.
        var due = dueTime.ToDateTimeOffset();
        var dueAt = due.AddTicks(-(due.Ticks % TimeSpan.TicksPerMicrosecond));
        return (new ReferralDraft(request.RequestId, request.CaseId, request.ToAgencyId, purpose, [.. categories], request.Reason.Trim(), dueAt), null);
    }

    public static string? CheckReferralId(string referralId, out Guid id) =>
        Guid.TryParse(referralId, out id) ? null : "referral_id must be the id of a referral (a UUID).";

    public static string? CheckText(string text, string field) =>
        string.IsNullOrWhiteSpace(text) ? $"{field} is required."
        : text.Trim().Length > MaxReasonLength ? $"{field} must be at most {MaxReasonLength} characters."
        : null;

    public static string? CheckCaseId(string caseId) =>
        caseId.Length is 0 or > MaxCaseIdLength ? $"case_id must name a case (at most {MaxCaseIdLength} characters)." : null;

    public static string? CheckRequestId(string requestId) =>
        string.IsNullOrWhiteSpace(requestId) ? "request_id is required: it makes a retried create safe."
        : requestId.Length > MaxRequestIdLength ? $"request_id must be at most {MaxRequestIdLength} characters."
        : null;

    /// <summary>Whether the due time lies ahead, within the horizon; checked after a retry has been answered.</summary>
    public static string? CheckDueTime(DateTimeOffset dueAt, DateTimeOffset now, TimeSpan maxHorizon) =>
        dueAt <= now ? "due_time must be in the future."
        : dueAt > now + maxHorizon ? $"due_time must be within {maxHorizon.TotalDays:0} days."
        : null;
}
