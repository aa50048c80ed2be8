using CoordinationHub.Domain.Matching;

namespace CoordinationHub.Domain.Synthetic;

/// <summary>
/// A generated missing person: the report as a first agency filed it, and the ground truth the generator
/// uses to file it again under other habits.
/// </summary>
public sealed record SyntheticPerson
{
    public required int Number { get; init; }

    public required PersonDescription Report { get; init; }

    public required LastSeenContext Context { get; init; }

    /// <summary>Given name, father's name, grandfather's name, family name.</summary>
    public required IReadOnlyList<SyntheticName> NameChain { get; init; }

    public required SyntheticPlace Place { get; init; }

    public required DateOnly TrueDateOfBirth { get; init; }
}
