namespace CoordinationHub.Audit;

/// <summary>The outcome of verifying entries and checkpoints: problems in the order found, the first being the first bad entry.</summary>
public sealed record AuditVerificationResult(
    long EntriesVerified,
    int CheckpointsVerified,
    IReadOnlyList<ChainSummary> Chains,
    IReadOnlyList<ChainProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public ChainProblem? FirstProblem => Problems.Count > 0 ? Problems[0] : null;
}
