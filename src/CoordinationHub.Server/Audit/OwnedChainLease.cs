using CoordinationHub.Audit;
using CoordinationHub.Server.Persistence.Records;

namespace CoordinationHub.Server.Audit;

/// <summary>
/// One save's hold on a chain of <see cref="OwnedAuditChains"/>: seals the save's records after
/// the head it was leased with (seq, prev_hash and the SHA-256 of <see cref="AuditEntryEncoding"/>
/// v1, exactly what the database's trigger computes for its lanes), and on disposal hands the
/// chain back with the new head if the save reported a commit, or with no head at all otherwise.
/// </summary>
public sealed class OwnedChainLease : IAuditPlacement
{
    private readonly OwnedAuditChains _owner;
    private readonly AuditChainHead _head;
    private AuditChainHead _sealedHead;
    private bool _committed;
    private int _released;

    internal OwnedChainLease(OwnedAuditChains owner, int chain, AuditChainHead head)
    {
        _owner = owner;
        Chain = chain;
        _head = head;
        _sealedHead = head;
    }

    public int Chain { get; }

    /// <summary>Gives <paramref name="records"/>, in order, the next positions of the chain after the leased head.</summary>
    internal void Seal(IReadOnlyList<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var head = _head;
        foreach (var record in records)
        {
            record.Chain = Chain;
            record.Seq = head.Seq + 1;
            record.PrevHash = head.Hash;

            // The encoding keeps microseconds, as the column does; a finer time would hash what is not stored.
            record.OccurredAt = AuditEntryEncoding.FromMicroseconds(AuditEntryEncoding.ToMicroseconds(record.OccurredAt));
            record.Hash = AuditEntryEncoding.ComputeHash(AuditRecords.ToChained(record));
            head = new AuditChainHead(record.Seq, record.Hash);
        }

        _sealedHead = head;
    }

    public void Committed() => _committed = true;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _owner.Release(Chain, _committed ? _sealedHead : null);
        }
    }
}
