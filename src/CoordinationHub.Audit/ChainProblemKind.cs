namespace CoordinationHub.Audit;

/// <summary>What is wrong at a position of a chain. Stable names: hubctl prints them and scripts may match them.</summary>
public enum ChainProblemKind
{
    /// <summary>The entry's stored hash is not the hash of its content: the row was edited.</summary>
    HashMismatch,

    /// <summary>The entry's prev_hash is not the hash of the entry before it: something before it was rewritten.</summary>
    BrokenLink,

    /// <summary>A seq is missing: an entry was deleted (or a range exported incompletely).</summary>
    MissingSeq,

    /// <summary>A seq appears twice or out of order: a row was inserted or the export was reordered.</summary>
    UnexpectedSeq,

    /// <summary>A checkpoint's signature does not verify with the hub's public key.</summary>
    BadCheckpointSignature,

    /// <summary>A validly signed checkpoint names a different hash for the entry than the log holds: the chain was rewritten.</summary>
    CheckpointMismatch,

    /// <summary>A validly signed checkpoint names an entry the log no longer holds: the chain was truncated.</summary>
    CheckpointWithoutEntry,
}
