namespace CoordinationHub.Domain.Matching;

/// <summary>
/// What one report says about a missing person, reduced to the fields duplicate detection compares.
/// Every field but <see cref="Names"/> may be unknown; unknown fields neither help nor hurt a match.
/// </summary>
public sealed record PersonDescription
{
    public required IReadOnlyList<NameVariant> Names { get; init; }

    public Sex? Sex { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    /// <summary>Estimated birth years, used when <see cref="DateOfBirth"/> is unknown.</summary>
    public BirthYearRange? BirthYearRange { get; init; }

    /// <summary>ISO 3166-1 alpha-3 code, e.g. "LBY", "IRQ".</summary>
    public string? Nationality { get; init; }

    public PlaceDescription? LastSeenPlace { get; init; }

    public DateOnly? LastSeenDate { get; init; }
}
