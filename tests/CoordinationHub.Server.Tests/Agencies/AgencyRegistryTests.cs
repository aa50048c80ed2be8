using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Tests.Agencies;

/// <summary>Registering, reading, listing and changing agencies: what is stored, what is refused, what is audited.</summary>
public sealed class AgencyRegistryTests(HubTestHost hub) : IClassFixture<HubTestHost>, IAsyncLifetime
{
    private AgenciesApi _api = null!;

    public async Task InitializeAsync() => _api = await AgenciesApi.SignInAsAdminAsync(hub);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RegisterAgency_ValidRequest_StoresActiveAgencyWithClaimsAndAuditsIt()
    {
        var id = AgenciesApi.NewAgencyId("lab");
        var claims = AgenciesApi.Claims(["identifications.report", "cases.read", "cases.read"], [DataCategory.Genetic, DataCategory.Identity], [Purpose.Identification]);

        var agency = await _api.RegisterAsync(id, AgencyKind.ForensicLaboratory, claims, "National DNA Laboratory");

        Assert.Equal(AgencyStatus.Active, agency.Status);
        Assert.Equal(AgencyKind.ForensicLaboratory, agency.Kind);
        Assert.Equal(["cases.read", "identifications.report"], agency.Claims.Scopes); // de-duplicated, vocabulary order
        Assert.Equal([DataCategory.Identity, DataCategory.Genetic], agency.Claims.DataCategories);
        Assert.NotEmpty(agency.Etag);
        var read = await _api.GetAsync(id);
        Assert.Equal(agency, read);
        await using var db = hub.Trust.OpenDb();
        var entry = await db.AuditEntries.SingleAsync(e => e.Target == "agency:" + id && e.Method.EndsWith("/RegisterAgency"));
        Assert.Equal(AuditRecord.Allowed, entry.Decision);
    }

    [Fact]
    public async Task RegisterAgency_DuplicateId_AlreadyExistsAndFirstRegistrationUntouched()
    {
        var id = AgenciesApi.NewAgencyId();
        await _api.RegisterAsync(id, displayName: "First");

        var error = await Assert.ThrowsAsync<RpcException>(() => _api.RegisterAsync(id, AgencyKind.Justice, displayName: "Second"));

        Assert.Equal(StatusCode.AlreadyExists, error.Status.Code);
        Assert.Contains(id, error.Status.Detail, StringComparison.Ordinal);
        var stored = await _api.GetAsync(id);
        Assert.Equal("First", stored.DisplayName);
        Assert.Equal(AgencyKind.Interior, stored.Kind);
        await AssertDeniedAuditedAsync("agency:" + id, "AlreadyExists");
    }

    [Theory]
    [InlineData("Upper-Case", "agency_id")]
    [InlineData("ab", "agency_id")]
    [InlineData("trailing-", "agency_id")]
    public async Task RegisterAgency_InvalidId_InvalidArgumentAndNothingStored(string id, string expectedField)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _api.RegisterAsync(id));

        Assert.Equal(StatusCode.InvalidArgument, error.Status.Code);
        Assert.Contains(expectedField, error.Status.Detail, StringComparison.Ordinal);
        await using var db = hub.Trust.OpenDb();
        Assert.False(await db.Agencies.AnyAsync(a => a.AgencyId == id));
    }

    [Fact]
    public async Task RegisterAgency_UnknownScope_InvalidArgumentNamingItAndNothingStored()
    {
        var id = AgenciesApi.NewAgencyId();

        var error = await Assert.ThrowsAsync<RpcException>(() => _api.RegisterAsync(id, claims: AgenciesApi.Claims(["cases.read", "cases.delete"])));

        Assert.Equal(StatusCode.InvalidArgument, error.Status.Code);
        Assert.Contains("unknown scope 'cases.delete'", error.Status.Detail, StringComparison.Ordinal);
        await using var db = hub.Trust.OpenDb();
        Assert.False(await db.Agencies.AnyAsync(a => a.AgencyId == id));
        await AssertDeniedAuditedAsync("agency:" + id, "InvalidArgument");
    }

    [Fact]
    public async Task RegisterAgency_UnspecifiedKindOrCategory_InvalidArgument()
    {
        var kindError = await Assert.ThrowsAsync<RpcException>(() => _api.RegisterAsync(AgenciesApi.NewAgencyId(), AgencyKind.Unspecified));
        var categoryError = await Assert.ThrowsAsync<RpcException>(() => _api.RegisterAsync(AgenciesApi.NewAgencyId(), claims: AgenciesApi.Claims(categories: [DataCategory.Unspecified])));
        var nameError = await Assert.ThrowsAsync<RpcException>(() => _api.RegisterAsync(AgenciesApi.NewAgencyId(), displayName: " "));

        Assert.Equal(StatusCode.InvalidArgument, kindError.Status.Code);
        Assert.Contains("kind", kindError.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, categoryError.Status.Code);
        Assert.Equal(StatusCode.InvalidArgument, nameError.Status.Code);
        Assert.Contains("display_name", nameError.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAgency_Unknown_NotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _api.GetAsync("no-such-agency"));

        Assert.Equal(StatusCode.NotFound, error.Status.Code);
    }

    [Fact]
    public async Task ListAgencies_Paged_ReturnsEveryAgencyOnceInIdOrder()
    {
        var prefix = "page" + Guid.NewGuid().ToString("N")[..6];
        var ids = Enumerable.Range(0, 5).Select(i => $"{prefix}-{i}").ToList();
        foreach (var id in ids)
        {
            await _api.RegisterAsync(id);
        }

        var seen = new List<string>();
        var token = string.Empty;
        var pages = 0;
        do
        {
            var page = await _api.ListAsync(2, token);
            Assert.True(page.Agencies.Count <= 2);
            seen.AddRange(page.Agencies.Select(a => a.AgencyId));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0 && pages < 100);

        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal(ids, seen.Where(s => s.StartsWith(prefix, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ListAgencies_StatusFilter_ReturnsOnlyThatStatus()
    {
        var suspended = AgenciesApi.NewAgencyId("susp");
        await _api.RegisterAsync(suspended);
        await _api.SuspendAsync(suspended);

        var page = await _api.ListAsync(500, status: AgencyStatus.Suspended);

        Assert.Contains(page.Agencies, a => a.AgencyId == suspended);
        Assert.All(page.Agencies, a => Assert.Equal(AgencyStatus.Suspended, a.Status));
    }

    [Theory]
    [InlineData(-1, "")]
    [InlineData(10, "not-a-token!")]
    public async Task ListAgencies_BadPaging_InvalidArgument(int pageSize, string token)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _api.ListAsync(pageSize, token));

        Assert.Equal(StatusCode.InvalidArgument, error.Status.Code);
    }

    [Fact]
    public async Task UpdateAgencyClaims_CurrentEtag_ReplacesClaimsAndChangesEtag()
    {
        var id = AgenciesApi.NewAgencyId();
        var registered = await _api.RegisterAsync(id);

        var updated = await _api.UpdateClaimsAsync(id, AgenciesApi.Claims(["referrals.read"], [DataCategory.Circumstances], [Purpose.Search]), registered.Etag);

        Assert.Equal(["referrals.read"], updated.Claims.Scopes);
        Assert.Equal([Purpose.Search], updated.Claims.Purposes);
        Assert.NotEqual(registered.Etag, updated.Etag);
        Assert.Equal(updated, await _api.GetAsync(id));
    }

    [Fact]
    public async Task UpdateAgencyClaims_StaleEtag_AbortedAndClaimsUnchanged()
    {
        var id = AgenciesApi.NewAgencyId();
        var registered = await _api.RegisterAsync(id);
        await _api.UpdateClaimsAsync(id, AgenciesApi.Claims(["cases.write"]), registered.Etag);

        var error = await Assert.ThrowsAsync<RpcException>(() => _api.UpdateClaimsAsync(id, AgenciesApi.Claims(["audit.read"]), registered.Etag));

        Assert.Equal(StatusCode.Aborted, error.Status.Code);
        Assert.Equal(["cases.write"], (await _api.GetAsync(id)).Claims.Scopes);
    }

    [Fact]
    public async Task UpdateAgencyClaims_UnknownScope_InvalidArgumentAndClaimsUnchanged()
    {
        var id = AgenciesApi.NewAgencyId();
        await _api.RegisterAsync(id);

        var error = await Assert.ThrowsAsync<RpcException>(() => _api.UpdateClaimsAsync(id, AgenciesApi.Claims(["everything"])));

        Assert.Equal(StatusCode.InvalidArgument, error.Status.Code);
        Assert.Equal(["cases.read"], (await _api.GetAsync(id)).Claims.Scopes);
    }

    [Fact]
    public async Task SuspendReinstateRevoke_FollowTheLifecycleAndRefuseIllegalSteps()
    {
        var id = AgenciesApi.NewAgencyId();
        await _api.RegisterAsync(id);

        var suspended = await _api.SuspendAsync(id, "leaked data under inquiry");
        var suspendAgain = await Assert.ThrowsAsync<RpcException>(() => _api.SuspendAsync(id));
        var reinstated = await _api.ReinstateAsync(id);
        var reinstateAgain = await Assert.ThrowsAsync<RpcException>(() => _api.ReinstateAsync(id));
        var revoked = await _api.RevokeAsync(id, "institution dissolved");
        var reinstateRevoked = await Assert.ThrowsAsync<RpcException>(() => _api.ReinstateAsync(id));
        var claimsOfRevoked = await Assert.ThrowsAsync<RpcException>(() => _api.UpdateClaimsAsync(id, AgenciesApi.Claims()));

        Assert.Equal((AgencyStatus.Suspended, "leaked data under inquiry"), (suspended.Status, suspended.StatusReason));
        Assert.Equal((AgencyStatus.Active, string.Empty), (reinstated.Status, reinstated.StatusReason));
        Assert.Equal((AgencyStatus.Revoked, "institution dissolved"), (revoked.Status, revoked.StatusReason));
        Assert.All([suspendAgain, reinstateAgain, reinstateRevoked, claimsOfRevoked], e => Assert.Equal(StatusCode.FailedPrecondition, e.Status.Code));
        Assert.Equal(AgencyStatus.Revoked, (await _api.GetAsync(id)).Status);
    }

    [Fact]
    public async Task SuspendAgency_NoReason_InvalidArgumentAndStillActive()
    {
        var id = AgenciesApi.NewAgencyId();
        await _api.RegisterAsync(id);

        var error = await Assert.ThrowsAsync<RpcException>(() => _api.SuspendAsync(id, "  "));

        Assert.Equal(StatusCode.InvalidArgument, error.Status.Code);
        Assert.Equal(AgencyStatus.Active, (await _api.GetAsync(id)).Status);
    }

    [Fact]
    public async Task SuspendAgency_Unknown_NotFoundAndAudited()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _api.SuspendAsync("ghost-agency"));

        Assert.Equal(StatusCode.NotFound, error.Status.Code);
        await AssertDeniedAuditedAsync("agency:ghost-agency", "NotFound");
    }

    private async Task AssertDeniedAuditedAsync(string target, string code)
    {
        await using var db = hub.Trust.OpenDb();
        var denials = await db.AuditEntries.Where(e => e.Target == target && e.Decision == AuditRecord.Denied).ToListAsync();
        Assert.Contains(denials, e => e.Reason.StartsWith(code + ":", StringComparison.Ordinal));
    }
}
