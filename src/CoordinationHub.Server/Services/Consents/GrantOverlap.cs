using CoordinationHub.Server.Persistence.Records.Cases;

namespace CoordinationHub.Server.Services.Consents;

/// <summary>
/// Two consents overlap when the same giver (same relation) lets the same recipient see the same
/// category for the same purpose during a common time, and neither is withdrawn. A second such
/// consent would make a later withdrawal of the first silently ineffective (the other would still
/// disclose), so it is refused with FAILED_PRECONDITION: withdraw the earlier one, or let it end first.
/// </summary>
internal static class GrantOverlap
{
    public static DisclosureGrantRecord? Find(GrantDraft draft, DateTimeOffset from, IEnumerable<DisclosureGrantRecord> existing)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(existing);
        return existing.FirstOrDefault(e =>
            e.WithdrawnAt is null
            && e.Origin == draft.Origin
            && string.Equals(e.GiverRelation, draft.GiverRelation, StringComparison.OrdinalIgnoreCase)
            && e.Purposes.Intersect(draft.Scope.Purposes).Any()
            && e.DataCategories.Intersect(draft.Scope.Categories).Any()
            && (e.RecipientAgencyIds.Intersect(draft.Scope.RecipientAgencyIds).Any() || e.RecipientKinds.Intersect(draft.Scope.RecipientKinds).Any())
            && (e.ValidUntil is null || from < e.ValidUntil)
            && (draft.ValidUntil is null || e.ValidFrom < draft.ValidUntil));
    }

    public static string Describe(DisclosureGrantRecord existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        return $"consent {existing.GrantId} by the same giver already covers a purpose, category and recipient of this one during the same time; withdraw it first or let this one start when it ends.";
    }
}
