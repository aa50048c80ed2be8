using System.Globalization;
using CoordinationHub.Bench.Audit;
using CoordinationHub.Bench.Auth;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc.Client;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CoordinationHub.Bench.Referrals;

/// <summary>
/// One run: the hub composed as Program.cs composes it (HubApplication: mTLS, JwtBearer, the agency
/// interceptor, the real ReferralsService) on a private PostgreSQL, and pgbench against the same
/// database, alternating round by round at each concurrency so machine noise hits both alike.
/// </summary>
public static class ReferralCreationComparison
{
    public static async Task RunAsync(IReadOnlyList<int> concurrencies, TimeSpan roundLength, int rounds)
    {
        var pki = new BenchPki();
        var directory = Directory.CreateTempSubdirectory("hub-bench-referrals-").FullName;
        var (ca, certificate, key) = pki.Write(directory);
        var database = await ReferralBenchDatabase.CreateAsync(pki.Client);
        var auditKey = await AuditKeyFile.WriteAsync(directory);
        await using var app = await ProductionBenchHub.StartAsync(ca, certificate, key, auditKey, database.ConnectionString);
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;
        using var channel = RpcChannel.ForAddress(new Uri($"https://localhost:{port}"), new RpcChannelOptions { ClientCertificate = pki.Client, TrustedRoots = [pki.Root] });

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rounds} rounds of {roundLength.TotalSeconds} s per concurrency, alternating pgbench and hub; {Environment.ProcessorCount} cores"));
        Console.WriteLine("| load | concurrency | tx/s | p50 ms | p99 ms | hub process CPU ms/tx | failures |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        var summary = new List<string>();
        foreach (var concurrency in concurrencies)
        {
            var headers = await ProductionBenchHub.HeadersAsync(app, pki.Client, Scopes.ReferralsWrite);
            // Warm-up: tiered JIT needs thousands of calls before EF Core's paths reach their final code;
            // short rounds without it measured 8 ms of CPU per call in the first round and 3 ms in the next,
            // and on a loaded two-core machine 15 s still left the first concurrency's rounds warming up.
            await HubLoad.RunAsync(channel, headers, concurrency, TimeSpan.FromSeconds(concurrency == concurrencies[0] ? 60 : 15));
            var ceiling = new List<LatencySample>();
            var withReads = new List<LatencySample>();
            var hub = new List<LatencySample>();
            for (var round = 0; round < rounds; round++)
            {
                ceiling.Add(Print(await PgbenchCeiling.RunAsync(database.ConnectionString, withReads: false, concurrency, roundLength)));
                withReads.Add(Print(await PgbenchCeiling.RunAsync(database.ConnectionString, withReads: true, concurrency, roundLength)));
                hub.Add(Print(await HubLoad.RunAsync(channel, headers, concurrency, roundLength)));
            }

            summary.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"concurrency {concurrency}: hub {Median(hub, s => s.PerSecond):F0} tx/s (p99 {Median(hub, s => s.P99Ms):F1} ms) / ceiling {Median(ceiling, s => s.PerSecond):F0} tx/s (p99 {Median(ceiling, s => s.P99Ms):F1} ms) = {Median(hub, s => s.PerSecond) / Median(ceiling, s => s.PerSecond):F2} of the ceiling (target >= 0.50); vs. inserts + reads {Median(hub, s => s.PerSecond) / Median(withReads, s => s.PerSecond):F2}"));
        }

        Console.WriteLine();
        summary.ForEach(Console.WriteLine);
        Directory.Delete(directory, recursive: true);
    }

    private static LatencySample Print(LatencySample sample)
    {
        Console.WriteLine(sample.Row());
        return sample;
    }

    private static double Median(List<LatencySample> samples, Func<LatencySample, double> value)
    {
        var sorted = samples.Select(value).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
