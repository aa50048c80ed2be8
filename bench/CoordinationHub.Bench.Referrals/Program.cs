using System.Globalization;
using CoordinationHub.Bench.Referrals;

// [concurrencies=16,64] [seconds per round=10] [rounds=3]
var concurrencies = (args.Length > 0 ? args[0] : "16,64").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList();
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
await ReferralCreationComparison.RunAsync(concurrencies, TimeSpan.FromSeconds(seconds), rounds);
