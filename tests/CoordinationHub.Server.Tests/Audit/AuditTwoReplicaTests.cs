using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc.Client;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Security;
using CoordinationHub.Server.Tests.Agencies;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Tests.Audit;

/// <summary>
/// Two hub processes append to one log under concurrent load: every audited call has exactly one
/// entry, each replica seals on the chains of its own sealer slot, every chain verifies, and both
/// replicas' checkpoint services together sign each head once.
/// </summary>
public sealed class AuditTwoReplicaTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    private const int WorkersPerReplica = 4;
    private const int CallsPerWorker = 25;

    [Fact]
    public async Task ConcurrentAuditedCallsOnTwoReplicas_NoEntryLostAndEveryChainVerifies()
    {
        await using var replica1 = await HubProcess.StartAsync(Environment());
        await using var replica2 = await HubProcess.StartAsync(Environment());
        var admin = await hub.Trust.RegisterAgencyAsync("admin", [Scopes.AgenciesAdmin]);
        var targets = new List<string>();
        for (var i = 0; i < 2 * WorkersPerReplica; i++)
        {
            targets.Add((await hub.Trust.RegisterAgencyAsync("target")).AgencyId);
        }

        var calls = 0;
        var workers = new[] { replica1, replica2 }.SelectMany((replica, r) => Enumerable.Range(0, WorkersPerReplica).Select(async w =>
        {
            var client = new HubClient(replica.Address, hub.Pki.Root);
            var token = await client.GetTokenAsync(admin.Certificate, admin.AgencyId);
            using var channel = client.OpenChannel(admin.Certificate);
            var target = targets[(r * WorkersPerReplica) + w];
            for (var i = 0; i < CallsPerWorker; i++)
            {
                var scopes = i % 2 == 0 ? new[] { Scopes.CasesRead } : [Scopes.CasesRead, Scopes.CasesWrite];
                await channel.UnaryAsync(AgenciesServiceMethods.UpdateAgencyClaims,
                    new UpdateAgencyClaimsRequest { AgencyId = target, Claims = AgenciesApi.Claims(scopes) }, HubClient.WithCredentials(token, $"officer-{r}-{w}"));
                Interlocked.Increment(ref calls);
            }
        })).ToList();
        await Task.WhenAll(workers);

        var thumbprint = CertificateThumbprints.Of(admin.Certificate);
        await using var db = hub.Trust.OpenDb();
        var audited = await db.AuditEntries.CountAsync(e => e.CertificateThumbprint == thumbprint && e.Method == AgenciesServiceMethods.UpdateAgencyClaims.FullName);
        Assert.Equal(calls, audited);

        var heads = await WaitForCheckpointedHeadsAsync(db);
        using var key = AuditCheckpointKey.Load(hub.AuditKeyPath);
        var result = await AuditRangeVerification.VerifyAsync(db, key.Key, null, 1, 0, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join('\n', result.Problems) + replica1.Output + replica2.Output);
        Assert.True(result.Chains.Count > 1, "calls spread over several chains");

        // Each replica sealed on the chains of a sealer slot of its own (ADR 0021).
        var slots = await db.AuditEntries.Where(e => e.CertificateThumbprint == thumbprint && e.Chain >= AuditChain.Lanes)
            .Select(e => (e.Chain - AuditChain.Lanes) / AuditChain.ChainsPerSlot).Distinct().CountAsync();
        Assert.Equal(2, slots);
        Assert.True(result.Chains.All(c => heads[c.Chain] == c.LastCheckpointSeq), replica1.Output);
    }

    // Every chain's head gets signed within a few polls (Hub:Audit:CheckpointEvery is 1 s here).
    private static async Task<Dictionary<int, long>> WaitForCheckpointedHeadsAsync(Persistence.HubDbContext db)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var heads = await db.AuditEntries.GroupBy(e => e.Chain).Select(g => new { Chain = g.Key, Seq = g.Max(e => e.Seq) }).ToDictionaryAsync(h => h.Chain, h => h.Seq);
            var signed = await db.AuditCheckpoints.GroupBy(c => c.Chain).Select(g => new { Chain = g.Key, Seq = g.Max(c => c.Seq) }).ToDictionaryAsync(h => h.Chain, h => h.Seq);
            if (heads.All(h => signed.GetValueOrDefault(h.Key) == h.Value) || DateTime.UtcNow > deadline)
            {
                return heads;
            }

            await Task.Delay(250);
        }
    }

    private Dictionary<string, string> Environment()
    {
        var environment = hub.ReplicaEnvironment();
        environment["Hub__Audit__CheckpointEveryEntries"] = "20";
        environment["Hub__Audit__CheckpointEvery"] = "00:00:01";
        environment["Hub__Audit__CheckpointPollInterval"] = "00:00:00.200";
        return environment;
    }
}
