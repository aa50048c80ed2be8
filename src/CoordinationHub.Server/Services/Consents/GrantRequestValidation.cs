using System.Security.Cryptography;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Disclosure;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Services.Agencies;
using CoordinationHub.Server.Services.Cases;
using Google.Protobuf;

namespace CoordinationHub.Server.Services.Consents;

/// <summary>
/// What a consent or authorisation request must say before the hub looks anything up
/// (INVALID_ARGUMENT otherwise). Lengths follow the columns of <c>cases.disclosure_grants</c>.
/// </summary>
internal static class GrantRequestValidation
{
    /// <summary>How far in the past valid_time may lie: the clocks of the agency's system and the hub's differ a little.</summary>
    public static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromMinutes(5);

    private const int MaxRequestIdLength = 100;
    private const int MaxReferenceLength = 200;
    private const int MaxRelationLength = 100;
    private const int MaxReasonLength = 1000;

    public static (GrantDraft? Draft, string? Problem) CheckConsent(RecordConsentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = request.Giver switch
        {
            ConsentGiver.MissingPerson => GrantOrigins.MissingPerson,
            ConsentGiver.FamilyMember => GrantOrigins.FamilyMember,
            _ => null,
        };
        var relation = request.GiverRelation.Trim();
        var problem = CheckCommon(request.RequestId, request.CaseId)
            ?? (origin is null ? "giver is required: MISSING_PERSON or FAMILY_MEMBER." : null)
            ?? (origin == GrantOrigins.FamilyMember && relation.Length == 0 ? "giver_relation is required for a family member (for example \"mother\")." : null)
            ?? (origin == GrantOrigins.MissingPerson && relation.Length > 0 ? "giver_relation must be empty when the missing person gave the consent." : null)
            ?? (relation.Length > MaxRelationLength ? $"giver_relation must be at most {MaxRelationLength} characters." : null)
            ?? CheckText(request.FormReference, "form_reference", MaxReferenceLength);
        var (scope, scopeProblem) = CheckScope(request.Scope);
        if ((problem ?? scopeProblem) is { } found)
        {
            return (null, found);
        }

        var (from, until, timeProblem) = CheckTimes(request.ValidTime, request.ExpireTime, expiryRequired: false);
        return timeProblem is not null ? (null, timeProblem) : (new GrantDraft
        {
            RequestId = request.RequestId,
            CaseId = request.CaseId,
            Kind = DisclosureGrantKind.Consent,
            Origin = origin!,
            GiverRelation = relation,
            Reference = request.FormReference.Trim(),
            Scope = scope!,
            ValidFrom = from,
            ValidUntil = until,
            Hash = Hash(request, r => r.RequestId = string.Empty),
        }, null);
    }

    public static (GrantDraft? Draft, string? Problem) CheckAuthorisation(RecordLegalAuthorisationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = request.Basis switch
        {
            LegalBasis.CourtOrder => GrantOrigins.CourtOrder,
            LegalBasis.Statute => GrantOrigins.Statute,
            _ => null,
        };
        var problem = CheckCommon(request.RequestId, request.CaseId)
            ?? (origin is null ? "basis is required: COURT_ORDER or STATUTE." : null)
            ?? CheckText(request.Reference, "reference", MaxReferenceLength)
            ?? CheckText(request.IssuingBody, "issuing_body", MaxReferenceLength);
        var (scope, scopeProblem) = CheckScope(request.Scope);
        if ((problem ?? scopeProblem) is { } found)
        {
            return (null, found);
        }

        // A court order authorises for a time; a statute stands until repealed.
        var (from, until, timeProblem) = CheckTimes(request.ValidTime, request.ExpireTime, expiryRequired: origin == GrantOrigins.CourtOrder);
        return timeProblem is not null ? (null, timeProblem) : (new GrantDraft
        {
            RequestId = request.RequestId,
            CaseId = request.CaseId,
            Kind = DisclosureGrantKind.LegalAuthorisation,
            Origin = origin!,
            Reference = request.Reference.Trim(),
            IssuingBody = request.IssuingBody.Trim(),
            Scope = scope!,
            ValidFrom = from,
            ValidUntil = until,
            Hash = Hash(request, r => r.RequestId = string.Empty),
        }, null);
    }

    /// <summary>Whether the grant starts now or later (a grant cannot cover disclosures already made) and ends after it starts.</summary>
    public static string? CheckAgainstNow(GrantDraft draft, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var from = draft.ValidFrom ?? now;
        return from < now - ClockSkewAllowance
                ? $"valid_time lies in the past ({from:O}); a consent or authorisation takes effect from when it is recorded, at most {ClockSkewAllowance.TotalMinutes:0} minutes earlier."
            : draft.ValidUntil is { } until && until <= now ? "expire_time lies in the past."
            : null;
    }

    public static string? CheckGrantId(string grantId, string field, out Guid id) =>
        Guid.TryParse(grantId, out id) ? null : $"{field} must be the id of one (a UUID).";

    public static string? CheckReason(string reason) => CheckText(reason, "reason", MaxReasonLength);

    private static string? CheckCommon(string requestId, string caseId) =>
        string.IsNullOrWhiteSpace(requestId) ? "request_id is required: it makes a retried record safe."
        : requestId.Length > MaxRequestIdLength ? $"request_id must be at most {MaxRequestIdLength} characters."
        : CaseIds.IsWellFormed(caseId) ? null : "case_id must look like MP-YYYY-NNNNNN.";

    private static string? CheckText(string text, string field, int maxLength) =>
        string.IsNullOrWhiteSpace(text) ? $"{field} is required."
        : text.Trim().Length > maxLength ? $"{field} must be at most {maxLength} characters."
        : null;

    private static (GrantScope? Scope, string? Problem) CheckScope(DisclosureScope? scope)
    {
        if (scope is null)
        {
            return (null, "scope is required: purposes, data categories and recipients.");
        }

        var purposes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var purpose in scope.Purposes)
        {
            if (ClaimVocabulary.PurposeName(purpose) is not { } name)
            {
                return (null, $"scope.purposes holds {purpose}, which is not a purpose.");
            }

            purposes.Add(name);
        }

        var categories = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var category in scope.DataCategories)
        {
            if (ClaimVocabulary.CategoryName(category) is not { } name)
            {
                return (null, $"scope.data_categories holds {category}, which is not a data category.");
            }

            categories.Add(name);
        }

        var kinds = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var kind in scope.RecipientAgencyKinds)
        {
            if (kind == AgencyKind.Unspecified || !Enum.IsDefined(kind))
            {
                return (null, $"scope.recipient_agency_kinds holds {kind}, which is not an agency kind.");
            }

            kinds.Add(AgencyMapping.KindName(kind));
        }

        var agencies = new SortedSet<string>(scope.RecipientAgencyIds, StringComparer.Ordinal);
        var problem = purposes.Count == 0 ? "scope.purposes must name at least one purpose."
            : purposes.Contains(Purposes.Statistics) ? "scope.purposes holds STATISTICS, which receives aggregates only and needs no consent."
            : categories.Count == 0 ? "scope.data_categories must name at least one category."
            : agencies.Count + kinds.Count == 0 ? "scope must name at least one recipient: recipient_agency_ids or recipient_agency_kinds."
            : agencies.FirstOrDefault(a => !AgencyId.IsValid(a)) is { } bad ? $"scope.recipient_agency_ids holds '{bad[..Math.Min(bad.Length, 63)]}', which is not an agency id."
            : null;
        return problem is not null ? (null, problem) : (new GrantScope([.. purposes], [.. categories], [.. agencies], [.. kinds]), null);
    }

    private static (DateTimeOffset? From, DateTimeOffset? Until, string? Problem) CheckTimes(Google.Protobuf.WellKnownTypes.Timestamp? validTime, Google.Protobuf.WellKnownTypes.Timestamp? expireTime, bool expiryRequired)
    {
        var from = validTime is null ? (DateTimeOffset?)null : Microseconds(validTime.ToDateTimeOffset());
        var until = expireTime is null ? (DateTimeOffset?)null : Microseconds(expireTime.ToDateTimeOffset());
        var problem = expiryRequired && until is null ? "expire_time is required for a court order."
            : from is { } f && until is { } u && u <= f ? "expire_time must be after valid_time."
            : null;
        return (from, until, problem);
    }

    // Rounded to PostgreSQL's microseconds, so that the stored times and the hash of a retry agree.
    private static DateTimeOffset Microseconds(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerMicrosecond));

    private static string Hash<T>(T request, Action<T> withoutKey)
        where T : IMessage<T>, IDeepCloneable<T>
    {
        var payload = request.Clone();
        withoutKey(payload);

        // A type prefix: a key reused for the other kind of grant is not a retry either.
        var bytes = System.Text.Encoding.UTF8.GetBytes(payload.Descriptor.FullName).Concat(payload.ToByteArray()).ToArray();
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
