using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using CoordinationHub.Rpc.Health;
using CoordinationHub.Server.Security;
using CoordinationHub.Server.Tests.Infrastructure;
using CoordinationHub.Server.Tokens;
using CoordinationHub.Testing.Hub;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using AgencyStatus = CoordinationHub.Domain.Trust.AgencyStatus;

namespace CoordinationHub.Server.Tests.Security;

/// <summary>Every gRPC call: certificate of an active agency, a token bound to it, the method's scope.</summary>
public sealed class CallAuthenticationTests(CallerProbingHubTestHost hub) : IClassFixture<CallerProbingHubTestHost>
{
    [Fact]
    public async Task GetHubInfo_BoundToken_SucceedsAndCarriesOfficerToTheCaller()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("cid", [Scopes.CasesRead]);
        var token = await hub.Client.GetTokenAsync(agency.Certificate, agency.AgencyId);

        var info = await hub.Client.GetHubInfoAsync(agency.Certificate, token, officer: "inspector.428@cid");

        Assert.Equal("coordination.v1", Assert.Single(info.ApiVersions));
        var caller = hub.Callers.LastCallerWith(CertificateThumbprints.Of(agency.Certificate));
        Assert.NotNull(caller);
        Assert.Equal((agency.AgencyId, "inspector.428@cid", "POLICE"), (caller.AgencyId, caller.Officer, caller.Kind));
        Assert.Equal([Scopes.CasesRead], caller.Scopes);
        Assert.Contains(DataCategories.Identity, caller.DataCategories);
        var entry = Assert.Single(await hub.Trust.AuditEntriesForAsync(agency.Certificate), e => e.Method == "/coordination.v1.HubInfoService/GetHubInfo");
        Assert.Equal(("allowed", "inspector.428@cid"), (entry.Decision, entry.Officer));
    }

    [Fact]
    public async Task GetHubInfo_NoToken_Unauthenticated()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("notoken");

        var error = await Assert.ThrowsAsync<RpcException>(() => hub.Client.GetHubInfoAsync(agency.Certificate, token: null));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(BearerTokenFailures.Missing, error.Status.Detail);
        await AssertDenialAuditedAsync(agency, StatusCode.Unauthenticated, agency.AgencyId);
    }

    [Fact]
    public async Task GetHubInfo_TokenReplayedOverAnotherAgencysConnection_Unauthenticated()
    {
        var victim = await hub.Trust.RegisterAgencyAsync("victim");
        var thief = await hub.Trust.RegisterAgencyAsync("thief");
        var stolen = await hub.Client.GetTokenAsync(victim.Certificate, victim.AgencyId);

        var error = await Assert.ThrowsAsync<RpcException>(() => hub.Client.GetHubInfoAsync(thief.Certificate, stolen));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("the bearer token is bound to another client certificate", error.Status.Detail);
        await AssertDenialAuditedAsync(thief, StatusCode.Unauthenticated, thief.AgencyId);
    }

    [Fact]
    public async Task GetHubInfo_ExpiredToken_Unauthenticated()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("expired-token");
        var key = await hub.Services.GetRequiredService<SigningKeyStore>().GetSigningKeyAsync(CancellationToken.None);
        var expired = TestTokens.Mint(key.Signing, agency.AgencyId, agency.Certificate, DateTimeOffset.UtcNow.AddMinutes(-20), TimeSpan.FromMinutes(5));

        var error = await Assert.ThrowsAsync<RpcException>(() => hub.Client.GetHubInfoAsync(agency.Certificate, expired));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.StartsWith("the bearer token expired at ", error.Status.Detail, StringComparison.Ordinal);
        await AssertDenialAuditedAsync(agency, StatusCode.Unauthenticated, agency.AgencyId);
    }

    [Fact]
    public async Task GetHubInfo_TamperedToken_Unauthenticated()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("tamper");
        var token = await hub.Client.GetTokenAsync(agency.Certificate, agency.AgencyId);
        await hub.Client.GetHubInfoAsync(agency.Certificate, token); // the genuine token is now in the validated-token cache

        var error = await Assert.ThrowsAsync<RpcException>(() => hub.Client.GetHubInfoAsync(agency.Certificate, TestTokens.Tamper(token)));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("the bearer token's signature does not verify with any key of the hub", error.Status.Detail);
        await AssertDenialAuditedAsync(agency, StatusCode.Unauthenticated, agency.AgencyId);
    }

    [Fact]
    public async Task GetHubInfo_TokenSignedWithForeignKey_Unauthenticated()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("forged");
        var forged = TestTokens.Mint(TestTokens.ForeignKey(), agency.AgencyId, agency.Certificate, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));

        var error = await Assert.ThrowsAsync<RpcException>(() => hub.Client.GetHubInfoAsync(agency.Certificate, forged));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("the bearer token's signature does not verify with any key of the hub", error.Status.Detail);
    }

    [Fact]
    public async Task GetHubInfo_GarbageToken_UnauthenticatedMalformed()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("garbage");

        var error = await Assert.ThrowsAsync<RpcException>(() => hub.Client.GetHubInfoAsync(agency.Certificate, "not-a-jwt"));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("the bearer token is malformed", error.Status.Detail);
    }

    [Fact]
    public async Task Handshake_CertificateOfForeignCa_RefusedBeforeAnyCall()
    {
        var foreign = HubTestHost.ForeignCertificate("intruder");

        var error = await Assert.ThrowsAsync<RpcException>(() => hub.Client.GetHubInfoAsync(foreign, token: null));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task GetHubInfo_ExpiredCertificate_UnauthenticatedNamingTheExpiry()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("old-cert");
        var expired = hub.Pki.IssueClient("old-cert", DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow.AddDays(-1));
        await hub.Trust.AddCertificateAsync(agency.AgencyId, expired);

        var error = await Assert.ThrowsAsync<RpcException>(() => hub.Client.GetHubInfoAsync(expired, token: null));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Matches("^client certificate [0-9a-f]{64} expired at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$", error.Status.Detail);
        Assert.Equal("denied", Assert.Single(await hub.Trust.AuditEntriesForAsync(expired)).Decision);
    }

    [Fact]
    public async Task GetHubInfo_RevokedCertificate_Unauthenticated()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("revoked-cert");
        var token = await hub.Client.GetTokenAsync(agency.Certificate, agency.AgencyId);
        await hub.Trust.RevokeCertificateAsync(agency.Certificate, "key compromised");
        await Task.Delay(AgencyDirectory.MaxStaleness);

        var error = await Assert.ThrowsAsync<RpcException>(() => hub.Client.GetHubInfoAsync(agency.Certificate, token));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal($"certificate {CertificateThumbprints.Of(agency.Certificate)} is revoked: key compromised", error.Status.Detail);
        await AssertDenialAuditedAsync(agency, StatusCode.Unauthenticated, agency.AgencyId);
    }

    [Fact]
    public async Task GetHubInfo_UnregisteredCertificateOfTheHubCa_Unauthenticated()
    {
        var stranger = hub.Pki.IssueClient("stranger");

        var error = await Assert.ThrowsAsync<RpcException>(() => hub.Client.GetHubInfoAsync(stranger, token: null));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal($"certificate {CertificateThumbprints.Of(stranger)} is not registered to any agency", error.Status.Detail);
    }

    [Fact]
    public async Task GetHubInfo_AgencySuspendedWhileTokenLives_PermissionDeniedWithinOneSecond()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("suspend-me");
        var token = await hub.Client.GetTokenAsync(agency.Certificate, agency.AgencyId);
        using var channel = hub.Client.OpenChannel(agency.Certificate);
        await HubClient.GetHubInfoAsync(channel, token);

        await hub.Trust.SetStatusAsync(agency.AgencyId, AgencyStatus.Suspended, "under investigation");
        var (refused, lastAdmittedStart) = await SuspensionProbe.CallUntilRefusedAsync(channel, token, TimeSpan.FromSeconds(5));

        Assert.True(lastAdmittedStart < AgencyDirectory.MaxStaleness, $"a call started {lastAdmittedStart} after the suspension was still admitted");
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal($"agency {agency.AgencyId} is suspended: under investigation", refused.Status.Detail);
        await AssertDenialAuditedAsync(agency, StatusCode.PermissionDenied, agency.AgencyId);
    }

    [Fact]
    public async Task GetAgency_WithoutAgenciesAdminScope_PermissionDenied()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("plain", [Scopes.CasesRead]);
        var token = await hub.Client.GetTokenAsync(agency.Certificate, agency.AgencyId);
        using var channel = hub.Client.OpenChannel(agency.Certificate);

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(
            AgenciesServiceMethods.GetAgency, new GetAgencyRequest { AgencyId = agency.AgencyId }, HubClient.WithCredentials(token)));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal($"agency {agency.AgencyId} lacks scope agencies.admin, which /coordination.v1.AgenciesService/GetAgency requires", error.Status.Detail);
        await AssertDenialAuditedAsync(agency, StatusCode.PermissionDenied, agency.AgencyId);
    }

    [Fact]
    public async Task GetAgency_AdminScope_PassesAuthentication()
    {
        var admin = await hub.Trust.RegisterAgencyAsync("admin", [Scopes.AgenciesAdmin]);
        var token = await hub.Client.GetTokenAsync(admin.Certificate, admin.AgencyId);
        using var channel = hub.Client.OpenChannel(admin.Certificate);

        // The real AgenciesService may answer NOT_FOUND for this id; what matters is that the call got past authentication.
        var status = await StatusOfAsync(() => channel.UnaryAsync(
            AgenciesServiceMethods.GetAgency, new GetAgencyRequest { AgencyId = admin.AgencyId }, HubClient.WithCredentials(token)));

        Assert.DoesNotContain(status, new[] { StatusCode.Unauthenticated, StatusCode.PermissionDenied });
        Assert.Equal(admin.AgencyId, hub.Callers.LastCallerWith(CertificateThumbprints.Of(admin.Certificate))?.AgencyId);
    }

    [Fact]
    public async Task GetAgency_TokenNarrowedBelowTheGrant_PermissionDenied()
    {
        var admin = await hub.Trust.RegisterAgencyAsync("narrow", [Scopes.AgenciesAdmin, Scopes.CasesRead]);
        var token = await hub.Client.GetTokenAsync(admin.Certificate, admin.AgencyId, scope: Scopes.CasesRead);
        using var channel = hub.Client.OpenChannel(admin.Certificate);

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(
            AgenciesServiceMethods.GetAgency, new GetAgencyRequest { AgencyId = admin.AgencyId }, HubClient.WithCredentials(token)));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.StartsWith("the bearer token does not carry scope agencies.admin", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAgency_ScopeWithdrawnWhileTokenLives_PermissionDeniedOnNextCall()
    {
        var admin = await hub.Trust.RegisterAgencyAsync("demoted", [Scopes.AgenciesAdmin]);
        var token = await hub.Client.GetTokenAsync(admin.Certificate, admin.AgencyId);
        await hub.Trust.SetScopesAsync(admin.AgencyId, Scopes.CasesRead);
        await Task.Delay(AgencyDirectory.MaxStaleness);
        using var channel = hub.Client.OpenChannel(admin.Certificate);

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(
            AgenciesServiceMethods.GetAgency, new GetAgencyRequest { AgencyId = admin.AgencyId }, HubClient.WithCredentials(token)));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task GetHubInfo_MalformedOfficerId_InvalidArgument()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("officer");
        var token = await hub.Client.GetTokenAsync(agency.Certificate, agency.AgencyId);

        var error = await Assert.ThrowsAsync<RpcException>(() => hub.Client.GetHubInfoAsync(agency.Certificate, token, officer: "Robert'); DROP TABLE--"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var entry = (await hub.Trust.AuditEntriesForAsync(agency.Certificate)).Last();
        Assert.Equal(("denied", string.Empty), (entry.Decision, entry.Officer));
    }

    [Fact]
    public async Task HealthCheck_CertificateOfActiveAgencyWithoutToken_Serves()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("balancer");
        using var channel = hub.Client.OpenChannel(agency.Certificate);

        var response = await channel.UnaryAsync(HealthServiceMethods.Check, new HealthCheckRequest(), HubClient.WithCredentials(token: null));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task HealthCheck_UnregisteredCertificate_Unauthenticated()
    {
        var stranger = hub.Pki.IssueClient("probe");
        using var channel = hub.Client.OpenChannel(stranger);

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(HealthServiceMethods.Check, new HealthCheckRequest(), HubClient.WithCredentials(token: null)));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    private async Task AssertDenialAuditedAsync(TestAgency agency, StatusCode code, string agencyId)
    {
        var entry = (await hub.Trust.AuditEntriesForAsync(agency.Certificate)).Last();
        Assert.Equal("denied", entry.Decision);
        Assert.Equal(agencyId, entry.AgencyId);
        Assert.StartsWith("/coordination.v1.", entry.Method, StringComparison.Ordinal);
        Assert.StartsWith($"{code}: ", entry.Reason, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(entry.CallId));
    }

    private static async Task<StatusCode> StatusOfAsync(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException exception)
        {
            return exception.StatusCode;
        }
    }
}
