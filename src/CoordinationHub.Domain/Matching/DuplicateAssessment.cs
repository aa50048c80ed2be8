namespace CoordinationHub.Domain.Matching;

/// <summary>
/// The verdict on two reports: a score (0..1), whether it crosses the review threshold, and the reasons,
/// name by name and field by field, that a reviewer reads before merging or dismissing.
/// </summary>
public sealed record DuplicateAssessment(double Score, double NameScore, bool IsLikelyDuplicate, IReadOnlyList<string> Reasons);
