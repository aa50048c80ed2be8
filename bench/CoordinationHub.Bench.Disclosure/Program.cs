using System.Globalization;
using CoordinationHub.Bench.Disclosure;

// [concurrency=16] [seconds per round=5] [rounds=5] [cases=200] [warm-up seconds per hub, at most=15; it ends once the JIT has settled]
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
await GetCaseThroughput.RunAsync(Arg(0, 16), TimeSpan.FromSeconds(Arg(1, 5)), Arg(2, 5), Arg(3, 200), TimeSpan.FromSeconds(Arg(4, 15)));
