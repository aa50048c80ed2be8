namespace CoordinationHub.Audit;

/// <summary>
/// Verifies entries and checkpoints in one pass with constant memory per chain: the same code runs
/// in the hub (<c>AuditService.VerifyRange</c>) and in <c>hubctl audit verify</c> on an export.
/// Feed the checkpoints first, then each chain's entries in seq order (chains may interleave).
/// </summary>
public sealed class AuditChainVerifier
{
    /// <summary>Past this many problems the verifier stops recording: the first ones locate the damage.</summary>
    public const int MaxProblems = 1000;

    private readonly CheckpointKeyRing? _keys;
    private readonly long _fromSeq;
    private readonly Dictionary<int, ChainState> _chains = [];
    private readonly Dictionary<(int Chain, long Seq), AuditCheckpoint> _checkpoints = [];
    private readonly List<ChainProblem> _problems = [];
    private long _entries;
    private int _validCheckpoints;

    /// <param name="keys">
    /// The checkpoint keys to trust (the hub's current key and those it signed with before a
    /// rotation); without them checkpoints are not checked (and count as not verified). Not owned.
    /// </param>
    /// <param name="fromSeq">
    /// The seq each chain starts at in this range. From 1 the first entry must link to the genesis
    /// hash; from later seqs the first entry's prev_hash is taken as the anchor.
    /// </param>
    public AuditChainVerifier(CheckpointKeyRing? keys, long fromSeq = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromSeq, 1);
        _keys = keys;
        _fromSeq = fromSeq;
    }

    public void AddCheckpoint(AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (_keys is null)
        {
            return;
        }

        if (!_keys.Verify(checkpoint, out var problem))
        {
            Report(checkpoint.Chain, checkpoint.Seq, ChainProblemKind.BadCheckpointSignature, problem);
            return;
        }

        _validCheckpoints++;
        _checkpoints[(checkpoint.Chain, checkpoint.Seq)] = checkpoint;
    }

    public void AddEntry(ChainedAuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _entries++;
        if (!_chains.TryGetValue(entry.Chain, out var state))
        {
            state = new ChainState(entry.Chain, _fromSeq);
            _chains.Add(entry.Chain, state);
        }

        CheckPosition(state, entry);
        var actual = AuditEntryEncoding.ComputeHash(entry);
        if (!actual.AsSpan().SequenceEqual(entry.Hash.Span))
        {
            Report(entry.Chain, entry.Seq, ChainProblemKind.HashMismatch,
                $"stored hash {Hex(entry.Hash)} but the entry's content hashes to {Convert.ToHexStringLower(actual)}: the row was edited");
        }

        if (_checkpoints.Remove((entry.Chain, entry.Seq), out var checkpoint))
        {
            if (checkpoint.EntryHash.Span.SequenceEqual(entry.Hash.Span) && actual.AsSpan().SequenceEqual(entry.Hash.Span))
            {
                state.LastCheckpointSeq = entry.Seq;
            }
            else
            {
                Report(entry.Chain, entry.Seq, ChainProblemKind.CheckpointMismatch,
                    $"checkpoint signed at {checkpoint.SignedAt:O} names hash {Hex(checkpoint.EntryHash)}, the log holds {Hex(entry.Hash)}: the chain was rewritten up to here");
            }
        }

        state.Advance(entry);
    }

    public AuditVerificationResult Complete()
    {
        // Checkpoints never matched by an entry: the signed entry is gone (tail truncated or deleted).
        foreach (var ((chain, seq), checkpoint) in _checkpoints.OrderBy(c => c.Key.Chain).ThenBy(c => c.Key.Seq))
        {
            var last = _chains.TryGetValue(chain, out var state) ? state.LastSeq : 0;
            if (seq >= _fromSeq)
            {
                Report(chain, seq, ChainProblemKind.CheckpointWithoutEntry,
                    $"checkpoint signed at {checkpoint.SignedAt:O} covers seq {seq}, but the chain ends at seq {last}: entries were removed");
            }
        }

        _checkpoints.Clear();
        var chains = _chains.Values.OrderBy(c => c.Chain)
            .Select(c => new ChainSummary(c.Chain, c.FirstSeq, c.LastSeq, c.Entries, c.LastCheckpointSeq)).ToList();
        return new AuditVerificationResult(_entries, _validCheckpoints, chains, [.. _problems]);
    }

    private void CheckPosition(ChainState state, ChainedAuditEntry entry)
    {
        if (entry.Seq < state.ExpectedSeq)
        {
            Report(entry.Chain, entry.Seq, ChainProblemKind.UnexpectedSeq,
                $"seq {entry.Seq} after seq {state.LastSeq}: a duplicate or inserted entry");
            return;
        }

        if (entry.Seq > state.ExpectedSeq)
        {
            var missing = entry.Seq - state.ExpectedSeq == 1 ? $"seq {state.ExpectedSeq} is" : $"seqs {state.ExpectedSeq}..{entry.Seq - 1} are";
            Report(entry.Chain, state.ExpectedSeq, ChainProblemKind.MissingSeq, $"{missing} missing (next present: {entry.Seq}): entries were deleted");
            return;
        }

        // A range that starts after seq 1 anchors on its first entry's prev_hash.
        var expectedPrev = state.LastHash ?? (entry.Seq == 1 ? AuditEntryEncoding.GenesisHash : entry.PrevHash);
        if (!expectedPrev.Span.SequenceEqual(entry.PrevHash.Span))
        {
            Report(entry.Chain, entry.Seq, ChainProblemKind.BrokenLink,
                $"prev_hash {Hex(entry.PrevHash)} but the entry before it has hash {Hex(expectedPrev)}: the previous entry was replaced");
        }
    }

    private void Report(int chain, long seq, ChainProblemKind kind, string detail)
    {
        if (_problems.Count < MaxProblems)
        {
            _problems.Add(new ChainProblem(chain, seq, kind, detail));
        }
    }

    private static string Hex(ReadOnlyMemory<byte> bytes) => Convert.ToHexStringLower(bytes.Span);

    private sealed class ChainState(int chain, long fromSeq)
    {
        public int Chain { get; } = chain;

        public long FirstSeq { get; private set; }

        public long LastSeq { get; private set; }

        public long ExpectedSeq { get; private set; } = fromSeq;

        public long Entries { get; private set; }

        public long LastCheckpointSeq { get; set; }

        public ReadOnlyMemory<byte>? LastHash { get; private set; }

        /// <summary>The stored hash becomes the head, so one edited row is one finding, not a cascade.</summary>
        public void Advance(ChainedAuditEntry entry)
        {
            if (Entries == 0)
            {
                FirstSeq = entry.Seq;
            }

            Entries++;
            if (entry.Seq >= ExpectedSeq)
            {
                LastSeq = entry.Seq;
                ExpectedSeq = entry.Seq + 1;
                LastHash = entry.Hash;
            }
        }
    }
}
