namespace CoordinationHub.Domain.Matching;

/// <summary>
/// What one field says about two reports being the same person: a similarity (0..1) that enters the
/// weighted average, or a contradiction that scales the whole score down.
/// </summary>
internal readonly record struct Evidence(double Similarity, bool IsContradiction, string Reason)
{
    public static Evidence Agreement(double similarity, string reason) => new(similarity, false, reason);

    public static Evidence Contradiction(string reason) => new(0, true, reason);
}
