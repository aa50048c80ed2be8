namespace CoordinationHub.Bench.Auth;

/// <summary>Real wall-clock time, frozen timestamps: the 1 s agency cache never expires, so the benchmark measures the warm path only.</summary>
public sealed class WarmCacheClock : TimeProvider
{
    public override long GetTimestamp() => 0;
}
