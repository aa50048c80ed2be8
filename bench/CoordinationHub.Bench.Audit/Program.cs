using System.Globalization;
using CoordinationHub.Bench.Audit;

// write [concurrency] [seconds] [rounds]   audited UpdateAgencyClaims and CreateReferral vs. the same with no append, alternating
//       [call] [side]                     only that call ("UpdateAgencyClaims") and side ("audited", "no append"): to profile one with perf
// verify [entries]                         offline verifier speed on a generated export
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
switch (args.FirstOrDefault())
{
    case "write":
        await WriteThroughput.RunAsync(Arg(1, 16), TimeSpan.FromSeconds(Arg(2, 5)), Arg(3, 5), args.ElementAtOrDefault(4), args.ElementAtOrDefault(5));
        break;
    case "verify":
        await VerificationSpeed.RunAsync(Arg(1, 1_000_000));
        break;
    default:
        Console.Error.WriteLine("usage: write [concurrency] [seconds] [rounds] | verify [entries]");
        return 1;
}

return 0;
