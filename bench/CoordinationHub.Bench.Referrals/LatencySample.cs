using System.Globalization;

namespace CoordinationHub.Bench.Referrals;

/// <summary>One measured round: completed transactions per second and the latency distribution.</summary>
public sealed record LatencySample(string Name, int Concurrency, double PerSecond, double P50Ms, double P99Ms, long Failures)
{
    /// <summary>CPU of the measuring process per transaction (hub and driver together); NaN when not measured.</summary>
    public double CpuMsPerTx { get; init; } = double.NaN;

    public static LatencySample From(string name, int concurrency, TimeSpan elapsed, List<double> latenciesMs, long failures)
    {
        latenciesMs.Sort();
        return new LatencySample(name, concurrency, latenciesMs.Count / elapsed.TotalSeconds, Percentile(latenciesMs, 0.50), Percentile(latenciesMs, 0.99), failures);
    }

    public string Row() => string.Create(CultureInfo.InvariantCulture, $"| {Name} | {Concurrency} | {PerSecond:F0} | {P50Ms:F1} | {P99Ms:F1} | {CpuMsPerTx:F2} | {Failures} |");

    private static double Percentile(List<double> sorted, double quantile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];
}
