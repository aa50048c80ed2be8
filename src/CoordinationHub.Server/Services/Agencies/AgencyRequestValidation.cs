using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;

namespace CoordinationHub.Server.Services.Agencies;

/// <summary>
/// Checks of the Agencies requests' fields. Each returns the problem in words for the caller, or
/// null when the field is fine; nothing here touches the database.
/// </summary>
internal static class AgencyRequestValidation
{
    public const int MaxDisplayNameLength = 200;
    public const int MaxReasonLength = 500;

    public static string? CheckAgencyId(string agencyId) =>
        AgencyId.IsValid(agencyId) ? null : $"agency_id '{Truncate(agencyId)}' is invalid: use {AgencyId.MinLength}-{AgencyId.MaxLength} lower-case letters, digits and inner hyphens, starting with a letter.";

    public static string? CheckDisplayName(string displayName) =>
        string.IsNullOrWhiteSpace(displayName) ? "display_name is required."
        : displayName.Length > MaxDisplayNameLength ? $"display_name is longer than {MaxDisplayNameLength} characters."
        : null;

    public static string? CheckKind(AgencyKind kind) =>
        kind == AgencyKind.Unspecified || !Enum.IsDefined(kind) ? "kind must be one of the AgencyKind values (not UNSPECIFIED)." : null;

    public static string? CheckReason(string reason, bool required) =>
        required && string.IsNullOrWhiteSpace(reason) ? "reason is required: it goes to the audit log and to the agency's operators."
        : reason.Length > MaxReasonLength ? $"reason is longer than {MaxReasonLength} characters."
        : null;

    /// <summary>Validates claims and returns them as stored names, de-duplicated and in vocabulary order.</summary>
    public static (StoredClaims? Claims, string? Problem) CheckClaims(AgencyClaims? claims)
    {
        if (claims is null)
        {
            return (new StoredClaims([], [], []), null);
        }

        var unknownScope = claims.Scopes.FirstOrDefault(s => !Scopes.IsKnown(s));
        if (unknownScope is not null)
        {
            return (null, $"unknown scope '{Truncate(unknownScope)}'; known scopes: {string.Join(", ", Scopes.All)}.");
        }

        var categories = new List<string>();
        foreach (var category in claims.DataCategories)
        {
            var name = ClaimVocabulary.CategoryName(category);
            if (name is null)
            {
                return (null, $"data category {category} is not a category; known: {string.Join(", ", DataCategories.All)}.");
            }

            categories.Add(name);
        }

        var purposes = new List<string>();
        foreach (var purpose in claims.Purposes)
        {
            var name = ClaimVocabulary.PurposeName(purpose);
            if (name is null)
            {
                return (null, $"purpose {purpose} is not a purpose; known: {string.Join(", ", Purposes.All)}.");
            }

            purposes.Add(name);
        }

        return (new StoredClaims(
            [.. Scopes.All.Where(claims.Scopes.Contains)],
            [.. DataCategories.All.Where(categories.Contains)],
            [.. Purposes.All.Where(purposes.Contains)]), null);
    }

    public static string? CheckThumbprint(string thumbprint) =>
        thumbprint.Length == 64 && thumbprint.All(Uri.IsHexDigit) ? null : "thumbprint_sha256 must be 64 hexadecimal characters (SHA-256 of the DER certificate).";

    // Echoed input is cut so a huge or hostile value does not flood the message and the log.
    private static string Truncate(string value) => value.Length <= 70 ? value : value[..67] + "...";
}

/// <summary>Claims as stored: vocabulary names, de-duplicated, in vocabulary order.</summary>
internal sealed record StoredClaims(List<string> Scopes, List<string> DataCategories, List<string> Purposes);
