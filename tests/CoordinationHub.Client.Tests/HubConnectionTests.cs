using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Client.Tests;

public sealed class HubConnectionTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    [Fact]
    public async Task UnaryAsync_RegisteredAgency_CallsWithATokenBoundToItsCertificate()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("connection-call");
        using var connection = Connect(agency);

        var info = await connection.UnaryAsync(HubInfoServiceMethods.GetHubInfo, new GetHubInfoRequest(), Deadline());

        Assert.Contains("coordination.v1", info.ApiVersions);
        Assert.Equal(agency.AgencyId, connection.AgencyId);
    }

    [Fact]
    public async Task WithCredentialsAsync_Officer_AddsBearerTokenAndOfficerToTheCallersHeaders()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("connection-headers");
        using var connection = HubConnection.ForAddress(hub.Client.Address)
            .WithClientCertificate(agency.Certificate).WithTrustedRoots([hub.Pki.Root]).WithOfficer("officer-7").Build();

        var options = await connection.WithCredentialsAsync(new CallOptions { Headers = new Metadata().Add("x-request", "1") });

        Assert.Equal("1", options.Headers!.GetValue("x-request"));
        Assert.Equal("Bearer " + await connection.Tokens.GetTokenAsync(), options.Headers.GetValue("authorization"));
        Assert.Equal("officer-7", options.Headers.GetValue(HubConnection.OfficerHeader));
    }

    [Fact]
    public async Task UnaryAsync_AgencySuspendedWhileTokenLives_FailsWithPermissionDenied()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("connection-suspended");
        using var connection = Connect(agency);
        await connection.UnaryAsync(HubInfoServiceMethods.GetHubInfo, new GetHubInfoRequest(), Deadline());

        await hub.Trust.SetStatusAsync(agency.AgencyId, Domain.Trust.AgencyStatus.Suspended, "test suspension");
        var refusal = await RefusalAfterCacheAsync(connection);

        Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode);
    }

    [Fact]
    public async Task UnaryAsync_CertificateRevoked_FailsUnauthenticatedAndDropsTheToken()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("connection-revoked");
        using var connection = Connect(agency);
        await connection.Tokens.GetTokenAsync();

        await hub.Trust.RevokeCertificateAsync(agency.Certificate, "test revocation");
        var refusal = await RefusalAfterCacheAsync(connection);

        Assert.Equal(StatusCode.Unauthenticated, refusal.StatusCode);
        // The next attempt asks the hub again rather than replaying the refused token.
        var next = await Assert.ThrowsAsync<RpcException>(() => connection.Tokens.GetTokenAsync());
        Assert.Equal(StatusCode.Unauthenticated, next.StatusCode);
    }

    [Fact]
    public void Build_WithoutClientCertificate_Throws() =>
        Assert.Throws<InvalidOperationException>(() => HubConnection.ForAddress(hub.Client.Address).Build());

    [Fact]
    public void ForAddress_Cleartext_Throws() =>
        Assert.Throws<ArgumentException>(() => HubConnection.ForAddress(new Uri("http://localhost:7443")));

    private HubConnection Connect(TestAgency agency) =>
        HubConnection.ForAddress(hub.Client.Address).WithClientCertificate(agency.Certificate).WithTrustedRoots([hub.Pki.Root]).Build();

    private static CallOptions Deadline() => new() { Deadline = DateTime.UtcNow.AddSeconds(30) };

    /// <summary>Calls until the hub refuses: a change bites within the hub's 1-second grant cache.</summary>
    private static async Task<RpcException> RefusalAfterCacheAsync(HubConnection connection)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                await connection.UnaryAsync(HubInfoServiceMethods.GetHubInfo, new GetHubInfoRequest(), Deadline());
                await Task.Delay(100);
            }
            catch (RpcException refusal)
            {
                return refusal;
            }
        }

        throw new TimeoutException("The hub still admitted calls 5 s after the change.");
    }
}
