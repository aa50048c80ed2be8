using System.Diagnostics;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using Google.Protobuf.WellKnownTypes;

namespace CoordinationHub.Bench.Referrals;

/// <summary>
/// Drives CreateReferral through our RpcChannel over one mTLS connection with a bearer token, from
/// <c>concurrency</c> callers each waiting for its answer before the next call (closed loop, as
/// pgbench clients do). Every call carries a fresh request_id: each one writes a referral.
/// </summary>
public static class HubLoad
{
    public static async Task<LatencySample> RunAsync(RpcChannel channel, Metadata headers, int concurrency, TimeSpan length)
    {
        var latencies = new List<double>[concurrency];
        var failures = 0L;
        var due = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(7));
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var own = latencies[worker] = [];
            while (clock.Elapsed < length)
            {
                var request = new CreateReferralRequest
                {
                    RequestId = Guid.NewGuid().ToString("N"),
                    CaseId = ReferralBenchDatabase.CaseId(Random.Shared.Next(1, ReferralBenchDatabase.CaseCount + 1)),
                    ToAgencyId = ReferralBenchDatabase.RecipientId,
                    Purpose = Purpose.Search,
                    DataCategories = { DataCategory.Identity },
                    Reason = "please search your detention records",
                    DueTime = due,
                };
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await channel.UnaryAsync(ReferralsServiceMethods.CreateReferral, request, new CallOptions { Headers = headers });
                    own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (RpcException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        var all = latencies.SelectMany(l => l).ToList();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        return LatencySample.From("hub CreateReferral (gRPC, full auth)", concurrency, elapsed, all, failures) with { CpuMsPerTx = cpu.TotalMilliseconds / Math.Max(1, all.Count) };
    }
}
