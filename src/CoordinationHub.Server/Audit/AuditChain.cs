using CoordinationHub.Server.Persistence.Records;

namespace CoordinationHub.Server.Audit;

/// <summary>
/// The log is <see cref="Count"/> independent hash chains, in two kinds (docs/adr/0021):
/// <list type="bullet">
/// <item><b>Database-sealed lanes</b> 0 … <see cref="Lanes"/>-1, shared by every replica. The hub
/// picks an entry's lane; PostgreSQL seals it: a BEFORE INSERT trigger on <c>audit.entries</c>
/// takes <c>pg_advisory_xact_lock(AUDT, lane)</c>, reads the lane's head and writes head.seq + 1 with
/// prev_hash = head.hash and the SHA-256 of the canonical encoding. The lock is held until commit
/// or rollback, so entries of one lane are totally ordered without gaps on any number of replicas.
/// Saves inside a caller's transaction always go here: only the database sees when they commit.</item>
/// <item><b>Hub-sealed chains</b> <see cref="Lanes"/> … <see cref="Count"/>-1, in
/// <see cref="SealerSlots"/> blocks of <see cref="ChainsPerSlot"/>. A replica that owns a block
/// (<see cref="AuditChainOwnership"/>) seals its own saves' entries there in C#, from heads it keeps
/// in memory and advances only on a known commit (<see cref="OwnedAuditChains"/>); PostgreSQL only
/// guards the positions with the unique (chain, seq) index. No trigger runs for those rows, which
/// is what takes the seal off the write path (docs/benchmarks.md).</item>
/// </list>
/// Both kinds use the same encoding and verify the same way. docs/adr/0006, 0011, 0021.
/// </summary>
public static class AuditChain
{
    /// <summary>
    /// The first key of every advisory lock the log takes ('AUDT'): lanes in the seal trigger
    /// (written there as 1096107092), the checkpoint round and the sealer slots.
    /// </summary>
    public const int LockClass = 0x41554454;

    /// <summary>The database-sealed lanes are 0 … Lanes-1.</summary>
    public const int Lanes = 16;

    /// <summary>How many replicas can seal on chains of their own at once; others use the database-sealed lanes only.</summary>
    public const int SealerSlots = 4;

    /// <summary>The chains of one sealer slot: as many as a replica's saves in flight usually are.</summary>
    public const int ChainsPerSlot = 16;

    /// <summary>Every chain id is in 0 … Count-1 (the seal trigger refuses others).</summary>
    public const int Count = Lanes + (SealerSlots * ChainsPerSlot);

    /// <summary>The first chain of sealer slot <paramref name="slot"/>.</summary>
    public static int FirstChainOf(int slot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, SealerSlots);
        return Lanes + (slot * ChainsPerSlot);
    }

    /// <summary>A preferred index among <paramref name="choices"/>: FNV-1a of the call id (stable across replicas and runs); random without one.</summary>
    public static int LaneFor(string callId, int choices = Lanes)
    {
        ArgumentNullException.ThrowIfNull(callId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(choices);
        if (callId.Length == 0)
        {
            return Random.Shared.Next(choices);
        }

        var hash = 2166136261u;
        foreach (var c in callId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)choices);
    }

    /// <summary>
    /// Puts the audit records one save will insert on a chain and returns what the save must
    /// report back to: a chain this replica owns, sealed here, when <paramref name="owned"/> has a
    /// free one and the save's outcome is known when it returns (<paramref name="commitsWithSave"/>:
    /// no caller's transaction); else a database-sealed lane (<see cref="AssignLane"/>).
    /// </summary>
    public static IAuditPlacement Place(IReadOnlyList<AuditRecord> pending, OwnedAuditChains? owned, bool commitsWithSave)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var sealedHere = commitsWithSave ? owned?.TrySeal(LaneFor(CallIdOf(pending), ChainsPerSlot), pending) : null;
        return sealedHere ?? (IAuditPlacement)AssignLane(pending);
    }

    /// <summary>
    /// Puts the audit records one save will insert on one database-sealed lane, leased for the save
    /// (<see cref="AuditLaneLease"/>): the lane of the first record with a call id, or a random one,
    /// unless another save of this process holds it, then the next free one. One lane per save
    /// means one lane lock per transaction, so two saves can never wait for each other's lanes in a
    /// cycle. The records' positions are cleared, for the trigger to write (a save that failed on a
    /// hub-sealed chain may be tried again here). Returns the lease to dispose when the save is over.
    /// </summary>
    public static AuditLaneLease AssignLane(IReadOnlyList<AuditRecord> pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var lease = AuditLaneLease.Take(LaneFor(CallIdOf(pending)));
        foreach (var record in pending)
        {
            record.Chain = lease.Lane;
            record.Seq = 0;
            record.PrevHash = [];
            record.Hash = [];
        }

        return lease;
    }

    // The call id of the first record that has one, so that one call's entries prefer one chain.
    private static string CallIdOf(IReadOnlyList<AuditRecord> pending) => pending.FirstOrDefault(r => r.CallId.Length > 0)?.CallId ?? string.Empty;
}
