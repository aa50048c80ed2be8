using System.Diagnostics.CodeAnalysis;
using CoordinationHub.Server.Persistence.Records;

namespace CoordinationHub.Server.Audit;

/// <summary>
/// The chains of the sealer slot this replica owns, with each chain's head as far as this replica
/// knows it for certain. A chain is in one of three states: <b>unknown</b> (not read since the slot
/// was taken, or forgotten after a save whose outcome is not known), <b>free</b> (head known) or
/// <b>leased</b> to one save in flight. Only a free chain is leased, so no two saves of this replica
/// compute the same position; a lease reports its new head only after its save committed, and
/// anything else forgets the head, to be read again from the database
/// (<see cref="AuditChainOwnership"/>) before the chain is used again. A stale head (a slot taken
/// over while this replica still thought it owned it, or a transaction that committed after its
/// connection was lost) can therefore only propose a position that is already taken, which the
/// unique (chain, seq) index refuses: the save fails whole, and the chain is never forked or gapped.
/// </summary>
public sealed class OwnedAuditChains
{
    private readonly Lock _lock = new();
    private readonly AuditChainHead?[] _heads = new AuditChainHead?[AuditChain.ChainsPerSlot];
    private readonly bool[] _leased = new bool[AuditChain.ChainsPerSlot];
    private bool _retired;

    public OwnedAuditChains(int slot)
    {
        FirstChain = AuditChain.FirstChainOf(slot);
        Slot = slot;
    }

    public int Slot { get; }

    public int FirstChain { get; }

    /// <summary>False once ownership was lost: no chain is leased any more, and no head is kept.</summary>
    public bool Owned
    {
        get
        {
            lock (_lock)
            {
                return !_retired;
            }
        }
    }

    /// <summary>
    /// Leases a free chain for one save and seals <paramref name="records"/> on it: the
    /// <paramref name="preferred"/>-th of the slot if free, else the next free one. Null when none
    /// is (all leased or unknown) or ownership was lost: the save goes to a database-sealed lane
    /// instead of waiting, so no save ever waits here for another.
    /// </summary>
    [SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope", Justification = "The lease is returned to the save, which disposes it; disposed here if sealing throws.")]
    public OwnedChainLease? TrySeal(int preferred, IReadOnlyList<AuditRecord> records)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(preferred);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(preferred, AuditChain.ChainsPerSlot);
        ArgumentNullException.ThrowIfNull(records);
        var lease = Lease(preferred);
        try
        {
            lease?.Seal(records);
            return lease;
        }
        catch
        {
            lease?.Dispose();
            throw;
        }
    }

    /// <summary>The chains whose head must be read from the database before they are used (none leased).</summary>
    public IReadOnlyList<int> UnknownChains()
    {
        lock (_lock)
        {
            return _retired ? [] : [.. Enumerable.Range(0, AuditChain.ChainsPerSlot).Where(i => !_leased[i] && _heads[i] is null).Select(i => FirstChain + i)];
        }
    }

    /// <summary>The committed head of <paramref name="chain"/> as just read from the database; ignored unless the chain is still unknown.</summary>
    public void Learn(int chain, AuditChainHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        var index = IndexOf(chain);
        lock (_lock)
        {
            if (!_retired && !_leased[index] && _heads[index] is null)
            {
                _heads[index] = head;
            }
        }
    }

    /// <summary>Ownership is lost: no more leases, and leases in flight change nothing when they end.</summary>
    public void Retire()
    {
        lock (_lock)
        {
            _retired = true;
            Array.Clear(_heads);
        }
    }

    private OwnedChainLease? Lease(int preferred)
    {
        lock (_lock)
        {
            if (_retired)
            {
                return null;
            }

            for (var i = 0; i < AuditChain.ChainsPerSlot; i++)
            {
                var index = (preferred + i) % AuditChain.ChainsPerSlot;
                if (!_leased[index] && _heads[index] is { } head)
                {
                    _leased[index] = true;
                    return new OwnedChainLease(this, FirstChain + index, head);
                }
            }

            return null;
        }
    }

    /// <summary>A lease ends: the chain is free again with <paramref name="committedHead"/>, or unknown when that is null.</summary>
    internal void Release(int chain, AuditChainHead? committedHead)
    {
        var index = IndexOf(chain);
        lock (_lock)
        {
            _leased[index] = false;
            _heads[index] = _retired ? null : committedHead;
        }
    }

    private int IndexOf(int chain)
    {
        var index = chain - FirstChain;
        ArgumentOutOfRangeException.ThrowIfNegative(index, nameof(chain));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, AuditChain.ChainsPerSlot, nameof(chain));
        return index;
    }
}
