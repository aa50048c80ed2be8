namespace CoordinationHub.Domain.Disclosure;

/// <summary>
/// Something that lets data about a case be shared: a family's consent or a legal authorisation
/// (court order, statute). Both are read the same way by the policy; only their origin differs.
/// </summary>
public sealed record DisclosureGrant
{
    /// <summary>The consent's or authorisation's id, named as the basis of a disclosure.</summary>
    public required string Id { get; init; }

    public required DisclosureGrantKind Kind { get; init; }

    public required IReadOnlySet<string> Purposes { get; init; }

    public required IReadOnlySet<string> Categories { get; init; }

    /// <summary>Agencies named as recipients.</summary>
    public IReadOnlySet<string> RecipientAgencies { get; init; } = new HashSet<string>();

    /// <summary>Agency kinds named as recipients (for example every <c>FORENSIC_LABORATORY</c>).</summary>
    public IReadOnlySet<string> RecipientKinds { get; init; } = new HashSet<string>();

    public DateTimeOffset ValidFrom { get; init; } = DateTimeOffset.MinValue;

    /// <summary>Null when open-ended.</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>When the family withdrew it; a withdrawn grant discloses nothing from then on.</summary>
    public DateTimeOffset? WithdrawnAt { get; init; }

    public bool IsInForceAt(DateTimeOffset now) =>
        now >= ValidFrom && (ValidUntil is null || now < ValidUntil) && (WithdrawnAt is null || now < WithdrawnAt);

    public bool Names(string agencyId, string agencyKind) => RecipientAgencies.Contains(agencyId) || RecipientKinds.Contains(agencyKind);
}
