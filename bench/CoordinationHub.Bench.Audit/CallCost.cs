using System.Diagnostics;
using System.Globalization;

namespace CoordinationHub.Bench.Audit;

/// <summary>
/// CPU per call in one round, split between this process (the hubs and the driving client) and
/// everything else on the machine (PostgreSQL, in practice): where the extra cost of a policed read
/// or an audited write is spent.
/// </summary>
internal sealed record CallCost(double ProcessMs, double MachineMs)
{
    private const double MsPerTick = 1000.0 / 100; // USER_HZ: /proc/stat counts in hundredths of a second
    private static readonly int[] BusyFields = [1, 2, 3, 6, 7, 8];

    public static (TimeSpan Process, long MachineTicks) Sample() =>
        (Process.GetCurrentProcess().TotalProcessorTime, MachineBusyTicks());

    public static CallCost Since((TimeSpan Process, long MachineTicks) before, double calls)
    {
        var (process, machine) = Sample();
        var processMs = (process - before.Process).TotalMilliseconds;
        var machineMs = (machine - before.MachineTicks) * MsPerTick;
        return new CallCost(processMs / calls, (machineMs - processMs) / calls);
    }

    public static void Print(IReadOnlyDictionary<string, List<CallCost>> costs)
    {
        Console.WriteLine("| server | this process CPU ms/call (hub + client) | rest of the machine CPU ms/call (PostgreSQL) |");
        Console.WriteLine("| --- | ---: | ---: |");
        foreach (var (name, rounds) in costs)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {BenchHubs.Median(rounds.Select(r => r.ProcessMs)):F2} | {BenchHubs.Median(rounds.Select(r => r.MachineMs)):F2} |"));
        }
    }

    // user + nice + system + irq + softirq + steal of the "cpu" line, all cores together.
    private static long MachineBusyTicks()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return BusyFields.Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
    }
}
