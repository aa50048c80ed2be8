using System.Globalization;
using CoordinationHub.Bench.Notifications;

// [rates=250,500,750,1000,1500] [seconds per rate=10] [agencies=100]
var rates = (args.Length > 0 ? args[0] : "250,500,750,1000,1500").Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToList();
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var agencies = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100;
await DeliveryLatency.RunAsync(rates, TimeSpan.FromSeconds(seconds), agencies);
