using System.Text.Json;
using CoordinationHub.Cli.Tests.Infrastructure;
using CoordinationHub.Domain.Trust;

namespace CoordinationHub.Cli.Tests.Commands.Cases;

/// <summary>
/// hubctl cases and referrals as the demo and an operator use them: the same person reported in
/// Arabic script by one agency and in Latin script by another is flagged, referred, and merged.
/// </summary>
[Collection(HubTestGroup.Name)]
public sealed class CasesCommandTests(CliHubTestHost hub)
{
    private static readonly string[] CaseWork = [Scopes.CasesRead, Scopes.CasesWrite, Scopes.ReferralsRead, Scopes.ReferralsWrite];

    [Fact]
    public async Task SamePersonInTwoScripts_FlaggedOnReport_MergedByTheAgencyThatSeesBoth()
    {
        var ministry = await hub.RegisterAsync("interior", CaseWork);
        var family = await hub.RegisterAsync("family-assoc", CaseWork);
        var reference = Guid.NewGuid().ToString("N")[..8];

        var arabic = await HubCtlRun.AsAsync(hub, ministry, "cases", "report", "--reference", "MOI-" + reference,
            "--name", "محمد عبد الله الحسن", "--sex", "male", "--born", "1994-03-12", "--nationality", "SY",
            "--place", "Zuwara", "--country", "LY", "--seen", "2016-08", "--context", "migration-route", "-o", "json");
        var latin = await HubCtlRun.AsAsync(hub, family, "cases", "report", "--reference", "FAM-" + reference,
            "--name", "Mohamed Abdallah Al-Hassan", "--sex", "male", "--born", "1994-03-12", "--nationality", "SY",
            "--place", "Zuwarah", "--country", "LY", "--context", "migration-route", "-o", "json");
        var again = await HubCtlRun.AsAsync(hub, family, "cases", "report", "--reference", "FAM-" + reference,
            "--name", "Mohamed Abdallah Al-Hassan", "--sex", "male", "--born", "1994-03-12", "--nationality", "SY",
            "--place", "Zuwarah", "--country", "LY", "--context", "migration-route", "-o", "json");

        Assert.True(arabic.ExitCode == ExitCodes.Ok, arabic.ToString());
        Assert.True(latin.ExitCode == ExitCodes.Ok, latin.ToString());
        var ministryCase = CaseId(arabic);
        var familyCase = CaseId(latin);
        Assert.NotEqual(ministryCase, familyCase);
        using (var reported = JsonDocument.Parse(latin.Output))
        {
            Assert.Single(reported.RootElement.GetProperty("possibleDuplicates").EnumerateArray());
        }

        // The same report again (same reference, so the same request id) creates nothing.
        Assert.True(again.ExitCode == ExitCodes.Ok, again.ToString());
        Assert.Equal(familyCase, CaseId(again));
        using (var repeated = JsonDocument.Parse(again.Output))
        {
            Assert.True(repeated.RootElement.GetProperty("replayed").GetBoolean());
        }

        // The family association refers its case to the ministry, which accepts and now sees both.
        var referral = await HubCtlRun.AsAsync(hub, family, "referrals", "create", "--case", familyCase, "--to", ministry.AgencyId,
            "--purpose", "search", "--category", "identity,circumstances", "--reason", "same person as your case?", "-o", "json");
        Assert.True(referral.ExitCode == ExitCodes.Ok, referral.ToString());
        var referralId = JsonProperty(referral.Output, "referralId");
        var inbox = await HubCtlRun.AsAsync(hub, ministry, "referrals", "list", "--box", "inbox");
        Assert.Contains(referralId, inbox.Output, StringComparison.Ordinal);
        var accept = await HubCtlRun.AsAsync(hub, ministry, "referrals", "accept", referralId);
        Assert.True(accept.ExitCode == ExitCodes.Ok, accept.ToString());
        Assert.Contains("accepted", accept.Output, StringComparison.Ordinal);

        var seen = await HubCtlRun.AsAsync(hub, ministry, "cases", "get", ministryCase, "--purpose", "search", "-o", "json");
        Assert.True(seen.ExitCode == ExitCodes.Ok, seen.ToString());
        string flagId;
        using (var document = JsonDocument.Parse(seen.Output))
        {
            var flag = Assert.Single(document.RootElement.GetProperty("duplicateFlags").EnumerateArray());
            Assert.Equal(familyCase, flag.GetProperty("otherCaseId").GetString());
            flagId = flag.GetProperty("flagId").GetString()!;
        }

        var table = await HubCtlRun.AsAsync(hub, ministry, "cases", "get", ministryCase, "--purpose", "search");
        Assert.Contains(flagId, table.Output, StringComparison.Ordinal);
        Assert.Contains("Withheld", table.Output, StringComparison.Ordinal);

        var merge = await HubCtlRun.AsAsync(hub, ministry, "cases", "resolve", ministryCase, "--flag", flagId, "--merge", "--reason", "same date of birth and route; family confirmed");
        Assert.True(merge.ExitCode == ExitCodes.Ok, merge.ToString());
        var merged = await HubCtlRun.AsAsync(hub, ministry, "cases", "get", familyCase, "--purpose", "search", "-o", "json");
        Assert.True(merged.ExitCode == ExitCodes.Ok, merged.ToString());
        Assert.Equal(ministryCase, JsonProperty(merged.Output, "mergedIntoCaseId"));
        var history = await HubCtlRun.AsAsync(hub, ministry, "cases", "history", ministryCase);
        Assert.Contains(family.AgencyId, history.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_SameSeedTwice_SecondRunCreatesNothing()
    {
        var reporter = await hub.RegisterAsync("generator", CaseWork);
        var seed = Random.Shared.Next(1_000, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var first = await HubCtlRun.AsAsync(hub, reporter, "cases", "generate", "--count", "12", "--seed", seed, "-o", "json");
        var second = await HubCtlRun.AsAsync(hub, reporter, "cases", "generate", "--count", "12", "--seed", seed, "-o", "json");
        var list = await HubCtlRun.AsAsync(hub, reporter, "cases", "list", "--purpose", "search", "--reported-by", reporter.AgencyId, "-o", "json");

        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
        Assert.Equal(12, JsonDocument.Parse(first.Output).RootElement.GetProperty("created").GetInt32());
        Assert.Equal(0, JsonDocument.Parse(second.Output).RootElement.GetProperty("created").GetInt32());
        Assert.Equal(12, JsonDocument.Parse(second.Output).RootElement.GetProperty("repeated").GetInt32());
        Assert.Equal(12, JsonDocument.Parse(list.Output).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Get_WithoutPurpose_IsAUsageErrorAndCallsNothing()
    {
        var reader = await hub.RegisterAsync("reader", CaseWork);

        var missing = await HubCtlRun.AsAsync(hub, reader, "cases", "get", "HUB-NOTHING");
        var unknown = await HubCtlRun.AsAsync(hub, reader, "cases", "get", "HUB-NOTHING", "--purpose", "curiosity");

        Assert.Equal(ExitCodes.Usage, missing.ExitCode);
        Assert.Contains("--purpose", missing.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, unknown.ExitCode);
        Assert.Contains("unknown 'curiosity'", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("identification", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_AgencyWithoutCasesWrite_ExitsTwoPermissionDenied()
    {
        var readOnly = await hub.RegisterAsync("read-only", [Scopes.CasesRead]);

        var run = await HubCtlRun.AsAsync(hub, readOnly, "cases", "report", "--reference", "X-1", "--name", "Ali Hassan");

        Assert.Equal(ExitCodes.RpcError, run.ExitCode);
        Assert.StartsWith("PERMISSION_DENIED: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_CaseOfAnotherAgency_ExitsTwoNotFound()
    {
        var owner = await hub.RegisterAsync("owner", CaseWork);
        var stranger = await hub.RegisterAsync("stranger", CaseWork);
        var created = await HubCtlRun.AsAsync(hub, owner, "cases", "report", "--reference", "OWN-" + Guid.NewGuid().ToString("N")[..8], "--name", "Fatima Ali Hussein", "-o", "json");

        var run = await HubCtlRun.AsAsync(hub, stranger, "cases", "get", CaseId(created), "--purpose", "search");

        Assert.Equal(ExitCodes.RpcError, run.ExitCode);
        Assert.StartsWith("NOT_FOUND: ", run.Error, StringComparison.Ordinal);
    }

    private static string CaseId(HubCtlRun report)
    {
        using var document = JsonDocument.Parse(report.Output);
        return document.RootElement.GetProperty("case").GetProperty("caseId").GetString()!;
    }

    private static string JsonProperty(string json, string name)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty(name).GetString()!;
    }
}
