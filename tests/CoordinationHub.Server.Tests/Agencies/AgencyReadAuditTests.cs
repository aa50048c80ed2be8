using CoordinationHub.Rpc;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Tests.Agencies;

/// <summary>Reads of the registry are calls like any other: each leaves an allowed entry naming what was read, each refusal a denied one.</summary>
public sealed class AgencyReadAuditTests(HubTestHost hub) : IClassFixture<HubTestHost>, IAsyncLifetime
{
    private AgenciesApi _api = null!;

    public async Task InitializeAsync() => _api = await AgenciesApi.SignInAsAdminAsync(hub);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GetAgency_Registered_AuditedAsAllowedReadOfThatAgency()
    {
        var id = AgenciesApi.NewAgencyId("read");
        await _api.RegisterAsync(id);

        await _api.GetAsync(id);

        var entry = Assert.Single(await EntriesAsync("agency:" + id, "GetAgency"));
        Assert.Equal((AuditRecord.Allowed, "read"), (entry.Decision, entry.Reason));
        Assert.NotEmpty(entry.CallId);
    }

    [Fact]
    public async Task GetAgency_Unknown_NotFoundAndAuditedAsDenied()
    {
        var id = AgenciesApi.NewAgencyId("ghost");

        var error = await Assert.ThrowsAsync<RpcException>(() => _api.GetAsync(id));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        var entry = Assert.Single(await EntriesAsync("agency:" + id, "GetAgency"));
        Assert.Equal(AuditRecord.Denied, entry.Decision);
        Assert.StartsWith("NotFound: ", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAgencies_Page_AuditedWithTheNumberListed()
    {
        await _api.RegisterAsync(AgenciesApi.NewAgencyId("listed"));
        var before = (await EntriesAsync("agencies", "ListAgencies")).Count;

        var page = await _api.ListAsync(pageSize: 2);

        var entries = await EntriesAsync("agencies", "ListAgencies");
        Assert.Equal(before + 1, entries.Count);
        Assert.Equal(AuditRecord.Allowed, entries[^1].Decision);
        Assert.StartsWith($"listed {page.Agencies.Count} agencies", entries[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAgencies_ForeignPageToken_InvalidArgumentAndAuditedAsDenied()
    {
        var before = (await EntriesAsync("agencies", "ListAgencies")).Count(e => e.Decision == AuditRecord.Denied);

        var error = await Assert.ThrowsAsync<RpcException>(() => _api.ListAsync(pageSize: 2, pageToken: "not a token"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(before + 1, (await EntriesAsync("agencies", "ListAgencies")).Count(e => e.Decision == AuditRecord.Denied));
    }

    [Fact]
    public async Task ListCertificates_OfRegisteredAgency_AuditedAsAllowedReadOfThatAgency()
    {
        var id = AgenciesApi.NewAgencyId("certs");
        await _api.RegisterAsync(id);

        var listed = await _api.ListCertificatesAsync(id);

        Assert.Empty(listed.Certificates);
        var entry = Assert.Single(await EntriesAsync("agency:" + id, "ListCertificates"));
        Assert.Equal((AuditRecord.Allowed, "listed 0 certificates"), (entry.Decision, entry.Reason));
    }

    private async Task<List<AuditRecord>> EntriesAsync(string target, string method)
    {
        await using var db = hub.Trust.OpenDb();
        var suffix = "/" + method;
        return await db.AuditEntries.AsNoTracking().Where(e => e.Target == target && e.Method.EndsWith(suffix)).OrderBy(e => e.Id).ToListAsync();
    }
}
