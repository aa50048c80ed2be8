namespace CoordinationHub.Server.Audit;

/// <summary>
/// A lane this process has given to one save still in flight. Two saves on one lane queue on its
/// advisory lock (held from the audit INSERT to COMMIT), so a replica spreads its concurrent saves
/// over free lanes instead of letting the call id's hash collide: with 16 callers hashed onto 16
/// lanes about a third of them used to wait behind another on the same replica. Only a hint for
/// speed: the advisory lock keeps every lane gapless and totally ordered whatever is chosen, across
/// replicas as within one, and a save inside a caller's transaction keeps its lock until that
/// transaction ends, after the lease is returned. Process-wide, so hubs sharing a process (tests,
/// benchmarks) share the hint too, which costs nothing but a lane change.
/// </summary>
public sealed class AuditLaneLease : IAuditPlacement
{
    private static readonly int[] Holders = new int[AuditChain.Lanes];
    private int _released;

    private AuditLaneLease(int lane) => Lane = lane;

    public int Lane { get; }

    /// <summary>Nothing to do: the database sealed the entries, and its lock orders the lane whatever the outcome.</summary>
    public void Committed()
    {
    }

    /// <summary>
    /// <paramref name="preferred"/> when no save of this process holds it (always, for saves one at
    /// a time, so a call's lane stays predictable), else the next free lane after it, else
    /// <paramref name="preferred"/> shared.
    /// </summary>
    public static AuditLaneLease Take(int preferred)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(preferred);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(preferred, AuditChain.Lanes);
        for (var i = 0; i < AuditChain.Lanes; i++)
        {
            var lane = (preferred + i) % AuditChain.Lanes;
            if (Interlocked.CompareExchange(ref Holders[lane], 1, 0) == 0)
            {
                return new AuditLaneLease(lane);
            }
        }

        Interlocked.Increment(ref Holders[preferred]);
        return new AuditLaneLease(preferred);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            Interlocked.Decrement(ref Holders[Lane]);
        }
    }
}
