using CoordinationHub.Domain.Trust;

namespace CoordinationHub.Domain.Disclosure;

/// <summary>
/// The one disclosure policy: a category is disclosed only if it lies in
/// claims ∩ (consent ∪ authorisation) ∩ purpose — the agency claims the category and the stated
/// purpose, and a grant in force names the agency (or its kind), that purpose and that category.
/// Two rules from practice narrow it further: genetic data never serves a criminal investigation,
/// and the statistics purpose receives aggregates only, never a case's sections. Pure: no I/O,
/// no clock (the time is an input).
/// </summary>
public static class DisclosurePolicy
{
    public static DisclosureDecision Decide(DisclosureRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var disclosed = new SortedSet<string>(StringComparer.Ordinal);
        var withheld = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var basis = new SortedSet<string>(StringComparer.Ordinal);

        string? everything = !Purposes.IsKnown(request.StatedPurpose) ? $"'{request.StatedPurpose}' is not a purpose"
            : !request.ClaimedPurposes.Contains(request.StatedPurpose) ? $"the agency holds no claim for purpose {request.StatedPurpose}"
            : request.StatedPurpose == Purposes.Statistics ? "the statistics purpose receives aggregates only, never a case's sections"
            : null;

        var grantsInForce = request.Grants
            .Where(g => g.IsInForceAt(request.Now) && g.Names(request.AgencyId, request.AgencyKind) && g.Purposes.Contains(request.StatedPurpose))
            .ToList();

        foreach (var category in DataCategories.All)
        {
            if (everything is not null)
            {
                withheld[category] = everything;
                continue;
            }

            if (!request.ClaimedCategories.Contains(category))
            {
                withheld[category] = $"the agency holds no claim on {category} data";
                continue;
            }

            if (category == DataCategories.Genetic && request.StatedPurpose == Purposes.CriminalInvestigation)
            {
                withheld[category] = "genetic data serves identification only and is never disclosed for criminal_investigation";
                continue;
            }

            var covering = grantsInForce.Where(g => g.Categories.Contains(category)).Select(g => g.Id).ToList();
            if (covering.Count == 0)
            {
                withheld[category] = WhyNoGrant(request, category);
                continue;
            }

            disclosed.Add(category);
            basis.UnionWith(covering);
        }

        return new DisclosureDecision(request.StatedPurpose, disclosed, withheld, [.. basis]);
    }

    // The most useful explanation for the reader: did a grant exist but lapse, or never cover this?
    private static string WhyNoGrant(DisclosureRequest request, string category)
    {
        var relevant = request.Grants.Where(g => g.Categories.Contains(category) && g.Names(request.AgencyId, request.AgencyKind) && g.Purposes.Contains(request.StatedPurpose)).ToList();
        if (relevant.Any(g => g.WithdrawnAt is { } withdrawn && withdrawn <= request.Now))
        {
            return $"the consent covering {category} for {request.StatedPurpose} was withdrawn";
        }

        if (relevant.Any(g => g.ValidUntil is { } until && until <= request.Now))
        {
            return $"the consent or authorisation covering {category} for {request.StatedPurpose} has expired";
        }

        if (relevant.Any(g => request.Now < g.ValidFrom))
        {
            return $"the consent or authorisation covering {category} for {request.StatedPurpose} is not yet in force";
        }

        return $"no consent or legal authorisation discloses {category} to this agency for {request.StatedPurpose}";
    }
}
