using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Security;
using CoordinationHub.Server.Tests.Infrastructure;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Server.Tests;

/// <summary>
/// Two hub processes on one database, as two replicas behind a load balancer: tokens from one
/// validate on the other (shared keys), and a suspension made anywhere bites on the other replica
/// within one second. (The in-process host only provides the CA, files and database here.)
/// </summary>
public sealed class TwoReplicaTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    [Fact]
    public async Task TwoReplicas_TokenFromOneValidatesOnOther_SuspensionBitesOnOtherWithinOneSecond()
    {
        var environment = hub.ReplicaEnvironment();
        await using var replica1 = await HubProcess.StartAsync(environment);
        await using var replica2 = await HubProcess.StartAsync(environment);
        var client1 = new HubClient(replica1.Address, hub.Pki.Root);
        var client2 = new HubClient(replica2.Address, hub.Pki.Root);
        var agency = await hub.Trust.RegisterAgencyAsync("replicated");

        var token = await client1.GetTokenAsync(agency.Certificate, agency.AgencyId);
        using var channel = client2.OpenChannel(agency.Certificate);
        await HubClient.GetHubInfoAsync(channel, token);

        await hub.Trust.SetStatusAsync(agency.AgencyId, AgencyStatus.Suspended, "suspended through replica 1's database");
        var (refused, lastAdmittedStart) = await SuspensionProbe.CallUntilRefusedAsync(channel, token, TimeSpan.FromSeconds(5));

        Assert.True(lastAdmittedStart < AgencyDirectory.MaxStaleness, $"a call started {lastAdmittedStart} after the suspension was still admitted");
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        var fromReplica1 = await client1.RequestTokenAsync(agency.Certificate, agency.AgencyId);
        Assert.Equal("unauthorized_client", fromReplica1.Error);
    }
}
