using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace CoordinationHub.Bench.Audit;

/// <summary>
/// Warm-up that lasts until the JIT has settled, not for a fixed time. Two in-process hubs and
/// their client compile about 36,000 methods, and tiered compilation with dynamic PGO keeps
/// recompiling hot ones for tens of seconds: measured on 2026-11-24, 24 s of JIT time in all, of
/// which a third fell into the first two measured rounds after a 3 s warm-up. That work landed on
/// whichever side ran first in a round, and the rounds ramped up (audited 693, 1,079, 1,471, ...
/// calls/s), so a median of five understated the steady state and skewed the ratio.
/// </summary>
internal static class JitWarmUp
{
    private const double SettledShare = 0.02;

    /// <summary>Runs <paramref name="pass"/> until the JIT took under 2 % of a pass's wall time, or for at most <paramref name="limit"/>.</summary>
    public static async Task RunAsync(Func<Task> pass, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(pass);
        var total = Stopwatch.StartNew();
        for (var passes = 1; ; passes++)
        {
            var jitBefore = JitInfo.GetCompilationTime();
            var clock = Stopwatch.StartNew();
            await pass();
            var share = (JitInfo.GetCompilationTime() - jitBefore) / clock.Elapsed;
            if (share < SettledShare || total.Elapsed >= limit)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"warm-up: {passes} passes in {total.Elapsed.TotalSeconds:F0} s, JIT {share:P1} of the last pass ({JitInfo.GetCompiledMethodCount()} methods compiled, {JitInfo.GetCompilationTime().TotalSeconds:F1} s in all)"));
                return;
            }
        }
    }
}
