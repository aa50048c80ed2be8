namespace CoordinationHub.Server.Services.Cases;

/// <summary>
/// The lookups <see cref="DuplicateCandidateQuery"/> tries in turn, each a prefix of the ranking
/// (names shared, then nearness of birth year): when one finds at least the limit, its best rows
/// are the whole rule's best rows, row for row, and the lookups after it are skipped.
/// </summary>
public enum CandidateStage
{
    /// <summary>Cases sharing every name, born within <see cref="DuplicateCandidateQuery.NearYears"/> of the query (birth year known on both sides).</summary>
    AllNamesNearBirthYear,

    /// <summary>Cases sharing every name, any birth year or none.</summary>
    AllNames,

    /// <summary>Cases sharing every name, and those sharing all but one born within <see cref="DuplicateCandidateQuery.NearYears"/>.</summary>
    AllNamesOrNearBirthYear,

    /// <summary>The candidate rule itself: every name but one (two at least), any birth year or none.</summary>
    WholeRule,
}
