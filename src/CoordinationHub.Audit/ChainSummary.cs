namespace CoordinationHub.Audit;

/// <summary>
/// What was verified of one chain. Entries after <see cref="LastCheckpointSeq"/> are linked but not
/// yet signed: someone able to rewrite the database could still rewrite that tail unnoticed.
/// </summary>
public sealed record ChainSummary(int Chain, long FirstSeq, long LastSeq, long Entries, long LastCheckpointSeq);
