using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Client.Tests;

public sealed class HubTokenClientTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    [Fact]
    public async Task GetTokenAsync_Twice_ReusesTheCachedToken()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("token-reuse");
        using var tokens = TokensFor(agency);

        var first = await tokens.GetTokenAsync();
        var second = await tokens.GetTokenAsync();

        Assert.Same(first, second);
        Assert.Single(await IssuedTokensAsync(agency));
    }

    [Fact]
    public async Task GetTokenAsync_ShortlyBeforeExpiry_FetchesANewToken()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("token-renewal");
        var time = new ManualTimeProvider();
        using var tokens = TokensFor(agency, time);
        var first = await tokens.GetTokenAsync();

        // The hub issues 5-minute tokens; 30 s before they lapse the client renews.
        time.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(29));
        var stillCached = await tokens.GetTokenAsync();
        time.Advance(TimeSpan.FromSeconds(2));
        var renewed = await tokens.GetTokenAsync();

        Assert.Same(first, stillCached);
        Assert.NotEqual(first, renewed);
    }

    [Fact]
    public async Task GetTokenAsync_ManyConcurrentCallers_ShareOneRequest()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("token-concurrent");
        using var tokens = TokensFor(agency);

        var all = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => tokens.GetTokenAsync())));

        Assert.Single(all.Distinct(StringComparer.Ordinal));
        Assert.Single(await IssuedTokensAsync(agency));
    }

    [Fact]
    public async Task Invalidate_CurrentToken_NextCallFetchesAnother()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("token-invalidate");
        using var tokens = TokensFor(agency);
        var first = await tokens.GetTokenAsync();

        tokens.Invalidate("not-the-current-token");
        var same = await tokens.GetTokenAsync();
        tokens.Invalidate(first);
        var next = await tokens.GetTokenAsync();

        Assert.Same(first, same);
        Assert.NotEqual(first, next);
    }

    [Fact]
    public async Task GetTokenAsync_SuspendedAgency_FailsWithPermissionDenied()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("token-suspended", status: AgencyStatus.Suspended);
        using var tokens = TokensFor(agency);

        var refusal = await Assert.ThrowsAsync<RpcException>(() => tokens.GetTokenAsync());

        Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode);
        Assert.Contains("unauthorized_client", refusal.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTokenAsync_ClientIdOfAnotherAgency_FailsWithUnauthenticated()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("token-wrong-id");
        using var tokens = new HubTokenClient(hub.Client.Address, agency.Certificate, "someone-else", [hub.Pki.Root]);

        var refusal = await Assert.ThrowsAsync<RpcException>(() => tokens.GetTokenAsync());

        Assert.Equal(StatusCode.Unauthenticated, refusal.StatusCode);
        Assert.Contains("invalid_client", refusal.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTokenAsync_NothingListening_FailsWithUnavailable()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("token-unreachable");
        using var tokens = new HubTokenClient(new Uri("https://localhost:1"), agency.Certificate, agency.AgencyId, [hub.Pki.Root]);

        var refusal = await Assert.ThrowsAsync<RpcException>(() => tokens.GetTokenAsync());

        Assert.Equal(StatusCode.Unavailable, refusal.StatusCode);
    }

    private HubTokenClient TokensFor(TestAgency agency, TimeProvider? time = null) =>
        new(hub.Client.Address, agency.Certificate, agency.AgencyId, [hub.Pki.Root], time);

    private async Task<List<string>> IssuedTokensAsync(TestAgency agency) =>
        [.. (await hub.Trust.AuditEntriesForAsync(agency.Certificate))
            .Where(e => e.Method == "/connect/token" && e.Reason.StartsWith("access token issued", StringComparison.Ordinal))
            .Select(e => e.Reason)];
}
