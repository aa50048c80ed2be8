using CoordinationHub.Server.Persistence.Records;

namespace CoordinationHub.Server.Audit;

/// <summary>
/// The log is <see cref="Lanes"/> independent hash chains. The hub picks an entry's lane; PostgreSQL
/// seals it: a BEFORE INSERT trigger on <c>audit.entries</c> takes <c>pg_advisory_xact_lock(AUDT,
/// lane)</c>, reads the lane's head and writes head.seq + 1 with prev_hash = head.hash and the
/// SHA-256 of the canonical encoding (Persistence/Migrations/Sql/AuditSealInDatabaseSql.cs). The
/// audit INSERT therefore travels in EF Core's own batch, with no round trip of its own. The lock
/// is held until commit or rollback, so no other transaction on any replica reads the same head:
/// entries of one lane are totally ordered without gaps, and a rolled-back insert leaves none.
/// docs/adr/0006-tamper-evident-audit-log.md, docs/adr/0011-audit-sealed-by-the-database.md.
/// </summary>
public static class AuditChain
{
    /// <summary>The chains are 0 … Lanes-1. Fixed, so that the set of chains is part of the evidence format.</summary>
    public const int Lanes = 16;

    /// <summary>The lane a call prefers: FNV-1a of its call id (stable across replicas and runs); random without one.</summary>
    public static int LaneFor(string callId)
    {
        ArgumentNullException.ThrowIfNull(callId);
        if (callId.Length == 0)
        {
            return Random.Shared.Next(Lanes);
        }

        var hash = 2166136261u;
        foreach (var c in callId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Lanes);
    }

    /// <summary>
    /// Puts the audit records one save will insert (collected from its context by the caller) on
    /// one lane, leased for the save (<see cref="AuditLaneLease"/>): the lane of the first record
    /// with a call id, or a random one, unless another save of this process holds it, then the next
    /// free one. One lane per save means one lane lock per transaction, so two saves can never wait
    /// for each other's lanes in a cycle. Returns the lease to dispose when the save is over.
    /// </summary>
    public static AuditLaneLease AssignLane(IReadOnlyList<AuditRecord> pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var lease = AuditLaneLease.Take(LaneFor(pending.FirstOrDefault(r => r.CallId.Length > 0)?.CallId ?? string.Empty));
        foreach (var record in pending)
        {
            record.Chain = lease.Lane;
        }

        return lease;
    }
}
