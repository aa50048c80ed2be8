using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationHub.Server.Tests.Audit;

/// <summary>
/// AuditService end to end: only auditors get in (and refusals are logged), a query finds who saw
/// a case's genetic data and is itself audited, and an export verifies offline with hubctl.
/// </summary>
public sealed class AuditServiceTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    [Theory]
    [InlineData(nameof(AuditServiceMethods.QueryEntries))]
    [InlineData(nameof(AuditServiceMethods.ExportEntries))]
    [InlineData(nameof(AuditServiceMethods.VerifyRange))]
    public async Task EveryRpc_NonAuditor_PermissionDeniedAndTheDenialLogged(string method)
    {
        var admin = await hub.Trust.RegisterAgencyAsync("not-auditor", [Scopes.AgenciesAdmin, Scopes.CasesRead]);
        var token = await hub.Client.GetTokenAsync(admin.Certificate, admin.AgencyId);
        using var channel = hub.Client.OpenChannel(admin.Certificate);
        var options = HubClient.WithCredentials(token, "curious-officer");

        var error = await Assert.ThrowsAsync<RpcException>(() => method switch
        {
            nameof(AuditServiceMethods.QueryEntries) => channel.UnaryAsync(AuditServiceMethods.QueryEntries, new QueryEntriesRequest(), options),
            nameof(AuditServiceMethods.VerifyRange) => channel.UnaryAsync(AuditServiceMethods.VerifyRange, new VerifyRangeRequest(), options),
            _ => DrainExportAsync(channel, options),
        });

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        var denial = Assert.Single(await hub.Trust.AuditEntriesForAsync(admin.Certificate), e => e.Decision == AuditRecord.Denied);
        Assert.Equal(($"/coordination.v1.AuditService/{method}", "curious-officer"), (denial.Method, denial.Officer));
    }

    [Fact]
    public async Task QueryEntries_ByCaseAndGeneticCategory_FindsTheDisclosureAndAuditsTheQuery()
    {
        var caseId = "HUB-2026-" + Guid.NewGuid().ToString("N")[..6];
        await AppendThroughTheSeamAsync(new AuditEntry
        {
            Method = "/coordination.v1.CasesService/GetCase", Decision = AuditDecision.Allowed, AgencyId = "forensic-dna-lab", Officer = "dr-salem",
            Target = "case:" + caseId, CaseId = caseId, Purpose = Purposes.Identification, Basis = "consent:C-19",
            CategoriesDisclosed = [DataCategories.Genetic, DataCategories.Identity], CategoriesWithheld = [DataCategories.Investigation], CallId = "call-genetic",
        });
        await AppendThroughTheSeamAsync(new AuditEntry
        {
            Method = "/coordination.v1.CasesService/GetCase", Decision = AuditDecision.Allowed, AgencyId = "interior-cid", Officer = "lt-omar",
            Target = "case:" + caseId, CaseId = caseId, Purpose = Purposes.Search, CategoriesDisclosed = [DataCategories.Identity], CallId = "call-identity",
        });
        var auditor = await hub.Trust.RegisterAgencyAsync("auditor", [Scopes.AuditRead]);
        var token = await hub.Client.GetTokenAsync(auditor.Certificate, auditor.AgencyId);
        using var channel = hub.Client.OpenChannel(auditor.Certificate);

        var page = await channel.UnaryAsync(AuditServiceMethods.QueryEntries,
            new QueryEntriesRequest { CaseId = caseId, CategoryDisclosed = DataCategories.Genetic }, HubClient.WithCredentials(token, "auditor-amal"));

        var entry = Assert.Single(page.Entries);
        Assert.Equal(("forensic-dna-lab", "dr-salem", "identification", "consent:C-19"), (entry.AgencyId, entry.Officer, entry.Purpose, entry.Basis));
        Assert.Equal(["genetic", "identity"], entry.CategoriesDisclosed);
        Assert.Equal(["investigation"], entry.CategoriesWithheld);
        var own = Assert.Single(await hub.Trust.AuditEntriesForAsync(auditor.Certificate), e => e.Method.EndsWith("/QueryEntries", StringComparison.Ordinal));
        Assert.Equal((AuditRecord.Allowed, "auditor-amal", caseId), (own.Decision, own.Officer, own.CaseId));
        Assert.Contains("disclosed=genetic", own.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_VerifiedOfflineWithThePublishedKey_Valid()
    {
        var auditor = await hub.Trust.RegisterAgencyAsync("auditor", [Scopes.AuditRead]);
        var tools = new AuditorTools(hub, auditor);
        var export = Path.Combine(tools.Directory, "log.jsonl");
        var key = Path.Combine(tools.Directory, "audit-key.pem");

        var keyRun = await tools.RunAsync("audit", "key");
        await File.WriteAllTextAsync(key, keyRun.Output);
        var exported = await tools.RunAsync("audit", "export", "--file", export, "--officer", "auditor-amal");
        var verified = await tools.RunAsync("audit", "verify", "--file", export, "--public-key", key);

        Assert.True(exported.ExitCode == 0, exported.Error);
        Assert.True(verified.ExitCode == 0, verified.Output + verified.Error);
        Assert.Contains("VALID", verified.Output, StringComparison.Ordinal);
    }

    private async Task AppendThroughTheSeamAsync(AuditEntry entry)
    {
        await using var scope = hub.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IAuditTrail>().Append(entry);
        await scope.ServiceProvider.GetRequiredService<HubDbContext>().SaveChangesAsync();
    }

    private static async Task DrainExportAsync(RpcChannel channel, CallOptions options)
    {
        using var call = channel.AsyncServerStreamingCall(AuditServiceMethods.ExportEntries, new ExportEntriesRequest(), options);
        await foreach (var _ in call.ReadAllAsync())
        {
        }
    }
}
