using System.Net;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Security;
using CoordinationHub.Testing.Hub;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CoordinationHub.Server.Tests.Tokens;

public sealed class TokenEndpointTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    [Fact]
    public async Task RequestToken_RegisteredAgency_IssuesEs256TokenBoundToTheCertificate()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("police", [Scopes.CasesRead, Scopes.ReferralsRead]);

        var response = await hub.Client.RequestTokenAsync(agency.Certificate, agency.AgencyId);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Bearer", response.Body.GetProperty("token_type").GetString());
        Assert.Equal(300, response.Body.GetProperty("expires_in").GetInt32());
        var token = new JsonWebToken(response.Body.GetProperty("access_token").GetString());
        Assert.Equal("ES256", token.Alg);
        Assert.Equal("at+jwt", token.Typ);
        Assert.False(string.IsNullOrEmpty(token.Kid));
        Assert.Equal("https://hub.test", token.Issuer);
        Assert.Equal(["coordination-hub"], token.Audiences);
        Assert.Equal(agency.AgencyId, token.GetClaim("client_id").Value);
        Assert.Equal(agency.AgencyId, token.GetClaim("agency_id").Value);
        Assert.Equal("cases.read referrals.read", token.GetClaim("scope").Value);
        Assert.Equal(TimeSpan.FromMinutes(5), token.ValidTo - token.IssuedAt);
        Assert.False(string.IsNullOrEmpty(token.Id));
        Assert.True(token.TryGetPayloadValue<Dictionary<string, object>>("cnf", out var cnf));
        Assert.Equal(CertificateBinding.ThumbprintOf(agency.Certificate), cnf["x5t#S256"].ToString());
        Assert.True(token.TryGetPayloadValue<List<string>>("data_categories", out var categories));
        Assert.Equal(["circumstances", "identity"], categories);
        Assert.True(token.TryGetPayloadValue<List<string>>("purposes", out var purposes));
        Assert.Equal(["search"], purposes);

        var entries = await hub.Trust.AuditEntriesForAsync(agency.Certificate);
        var issued = Assert.Single(entries);
        Assert.Equal(("/connect/token", "allowed", agency.AgencyId), (issued.Method, issued.Decision, issued.AgencyId));
    }

    [Fact]
    public async Task RequestToken_ScopeSubset_NarrowsTheToken()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("lab", [Scopes.CasesRead, Scopes.IdentificationsReport]);

        var response = await hub.Client.RequestTokenAsync(agency.Certificate, agency.AgencyId, scope: "identifications.report");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("identifications.report", response.Body.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task RequestToken_ScopeNotGranted_InvalidScope()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("ngo", [Scopes.CasesRead]);

        var response = await hub.Client.RequestTokenAsync(agency.Certificate, agency.AgencyId, scope: "cases.read agencies.admin");

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_scope"), (response.Status, response.Error));
        Assert.Contains("agencies.admin", response.Description, StringComparison.Ordinal);
        await AssertDeniedAuditedAsync(agency, "invalid_scope");
    }

    [Fact]
    public async Task RequestToken_ClientIdOfAnotherAgency_InvalidClient401()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("interior");
        var other = await hub.Trust.RegisterAgencyAsync("justice");

        var response = await hub.Client.RequestTokenAsync(agency.Certificate, other.AgencyId);

        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_client"), (response.Status, response.Error));
        Assert.Equal("client_id does not match the agency of the TLS client certificate", response.Description);
        await AssertDeniedAuditedAsync(agency, "invalid_client");
    }

    [Fact]
    public async Task RequestToken_UnregisteredCertificate_InvalidClient401()
    {
        var certificate = hub.Pki.IssueClient("nobody");

        var response = await hub.Client.RequestTokenAsync(certificate, "nobody");

        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_client"), (response.Status, response.Error));
        Assert.Equal($"certificate {CertificateThumbprints.Of(certificate)} is not registered to any agency", response.Description);
        var entry = Assert.Single(await hub.Trust.AuditEntriesForAsync(certificate));
        Assert.Equal(("denied", string.Empty), (entry.Decision, entry.AgencyId));
    }

    [Fact]
    public async Task RequestToken_PasswordGrant_UnsupportedGrantType()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("health");

        var response = await hub.Client.RequestTokenAsync(agency.Certificate, agency.AgencyId, grantType: "password");

        Assert.Equal((HttpStatusCode.BadRequest, "unsupported_grant_type"), (response.Status, response.Error));
        await AssertDeniedAuditedAsync(agency, "unsupported_grant_type");
    }

    [Fact]
    public async Task RequestToken_SuspendedAgency_UnauthorizedClientWithReason()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("foreign-affairs");
        await hub.Trust.SetStatusAsync(agency.AgencyId, AgencyStatus.Suspended, "audit pending");

        var response = await hub.Client.RequestTokenAsync(agency.Certificate, agency.AgencyId);

        Assert.Equal((HttpStatusCode.BadRequest, "unauthorized_client"), (response.Status, response.Error));
        Assert.Equal($"agency {agency.AgencyId} is suspended: audit pending", response.Description);
        await AssertDeniedAuditedAsync(agency, "unauthorized_client");
    }

    [Fact]
    public async Task Discovery_PointsAtTokenEndpointAndKeys()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("discovery");

        var configuration = System.Text.Json.JsonDocument.Parse(await hub.Client.GetStringAsync(agency.Certificate, "/.well-known/openid-configuration")).RootElement;
        var keys = System.Text.Json.JsonDocument.Parse(await hub.Client.GetStringAsync(agency.Certificate, "/.well-known/jwks.json")).RootElement;

        Assert.Equal("https://hub.test", configuration.GetProperty("issuer").GetString());
        Assert.Equal("https://hub.test/connect/token", configuration.GetProperty("token_endpoint").GetString());
        Assert.Equal("https://hub.test/.well-known/jwks.json", configuration.GetProperty("jwks_uri").GetString());
        Assert.True(configuration.GetProperty("tls_client_certificate_bound_access_tokens").GetBoolean());
        var key = keys.GetProperty("keys")[0];
        Assert.Equal(("EC", "P-256", "ES256"), (key.GetProperty("kty").GetString(), key.GetProperty("crv").GetString(), key.GetProperty("alg").GetString()));
        Assert.False(key.TryGetProperty("d", out _), "the JWKS must not publish the private key");
    }

    private async Task AssertDeniedAuditedAsync(TestAgency agency, string error)
    {
        var entry = Assert.Single(await hub.Trust.AuditEntriesForAsync(agency.Certificate));
        Assert.Equal(("/connect/token", "denied", agency.AgencyId), (entry.Method, entry.Decision, entry.AgencyId));
        Assert.StartsWith(error, entry.Reason, StringComparison.Ordinal);
    }
}
