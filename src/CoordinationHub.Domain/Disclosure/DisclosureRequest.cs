namespace CoordinationHub.Domain.Disclosure;

/// <summary>Everything the disclosure policy decides on: who asks, why, and what the case's grants say.</summary>
public sealed record DisclosureRequest
{
    public required string AgencyId { get; init; }

    /// <summary>Agency kind (the API enum name without prefix), matched against grants that name kinds.</summary>
    public required string AgencyKind { get; init; }

    /// <summary>The data categories the agency's claims allow.</summary>
    public required IReadOnlySet<string> ClaimedCategories { get; init; }

    /// <summary>The purposes the agency's claims allow.</summary>
    public required IReadOnlySet<string> ClaimedPurposes { get; init; }

    /// <summary>The purpose the caller stated for this read.</summary>
    public required string StatedPurpose { get; init; }

    /// <summary>The case's consents and legal authorisations.</summary>
    public IReadOnlyList<DisclosureGrant> Grants { get; init; } = [];

    public required DateTimeOffset Now { get; init; }
}
