using System.Globalization;
using BenchmarkDotNet.Running;
using CoordinationHub.Bench.Auth;

// bdn [BenchmarkDotNet arguments]              the per-call authentication path
// throughput [concurrency] [seconds] [rounds]  full auth vs. transport alone, in one run
if (args.Length > 0 && args[0] == "throughput")
{
    int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
    await ThroughputComparison.RunAsync(Arg(1, 64), TimeSpan.FromSeconds(Arg(2, 5)), Arg(3, 3));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(AuthenticationPathBenchmarks).Assembly).Run(args.Length > 0 && args[0] == "bdn" ? args[1..] : args);
