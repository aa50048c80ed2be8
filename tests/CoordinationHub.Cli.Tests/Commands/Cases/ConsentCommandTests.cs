using CoordinationHub.Cli.Tests.Infrastructure;
using CoordinationHub.Domain.Trust;

namespace CoordinationHub.Cli.Tests.Commands.Cases;

/// <summary>
/// hubctl consent as a family association uses it: the family's consent lets the DNA laboratory see
/// the genetic references for identification, and the view shrinks right after the withdrawal.
/// </summary>
[Collection(HubTestGroup.Name)]
public sealed class ConsentCommandTests(CliHubTestHost hub)
{
    [Fact]
    public async Task RecordThenWithdraw_LaboratorysViewOfGeneticDataFollows()
    {
        var family = await hub.RegisterAsync(
            "family-assoc", [Scopes.CasesRead, Scopes.CasesWrite, Scopes.ReferralsRead, Scopes.ReferralsWrite, Scopes.ConsentRead, Scopes.ConsentWrite],
            categories: [DataCategories.Identity, DataCategories.Circumstances, DataCategories.Genetic], purposes: [Purposes.Search, Purposes.Identification], kind: "FAMILY_ASSOCIATION");
        var lab = await hub.RegisterAsync(
            "dna-lab", [Scopes.CasesRead, Scopes.ReferralsRead, Scopes.ReferralsWrite],
            categories: [DataCategories.Identity, DataCategories.Genetic], purposes: [Purposes.Identification], kind: "FORENSIC_LABORATORY");
        var sections = Path.Combine(hub.NewDirectory(), "sections.json");
        await File.WriteAllTextAsync(sections, """{"genetic": {"samples": [{"sampleReference": "REF-MOTHER-1", "laboratoryAgencyId": "dna-lab", "donorRelation": "mother"}]}}""");
        var report = await HubCtlRun.AsAsync(hub, family, "cases", "report", "--reference", "FAM-" + Guid.NewGuid().ToString("N")[..8],
            "--name", "Khaled Omar Al-Tayeb", "--born", "1988", "--sections", sections, "-o", "json");
        Assert.True(report.ExitCode == ExitCodes.Ok, report.ToString());
        var caseId = JsonOutput.StringAt(report.Output, "case", "caseId");
        var referral = await HubCtlRun.AsAsync(hub, family, "referrals", "create", "--case", caseId, "--to", lab.AgencyId,
            "--purpose", "identification", "--category", "identity", "--reason", "compare with unidentified remains", "-o", "json");
        Assert.True(referral.ExitCode == ExitCodes.Ok, referral.ToString());
        Assert.Equal(ExitCodes.Ok, (await HubCtlRun.AsAsync(hub, lab, "referrals", "accept", JsonOutput.StringAt(referral.Output, "referralId"))).ExitCode);
        var before = await HubCtlRun.AsAsync(hub, lab, "cases", "get", caseId, "--purpose", "identification");

        var recorded = await HubCtlRun.AsAsync(hub, family, "consent", "record", "--case", caseId, "--giver", "family-member", "--relation", "mother",
            "--purpose", "identification", "--category", "genetic", "--to-agency", lab.AgencyId, "--form", "FORM-2026-" + caseId, "-o", "json");
        var during = await HubCtlRun.AsAsync(hub, lab, "cases", "get", caseId, "--purpose", "identification");
        var listed = await HubCtlRun.AsAsync(hub, family, "consent", "list", caseId);
        var withdrawn = await HubCtlRun.AsAsync(hub, family, "consent", "withdraw", JsonOutput.StringAt(recorded.Output, "consentId"), "--reason", "the mother asked to stop");
        var after = await HubCtlRun.AsAsync(hub, lab, "cases", "get", caseId, "--purpose", "identification");

        Assert.DoesNotContain("REF-MOTHER-1", before.Output, StringComparison.Ordinal);
        Assert.True(recorded.ExitCode == ExitCodes.Ok, recorded.ToString());
        Assert.Contains("REF-MOTHER-1", during.Output, StringComparison.Ordinal);
        Assert.Contains("in_force", listed.Output, StringComparison.Ordinal);
        Assert.True(withdrawn.ExitCode == ExitCodes.Ok, withdrawn.ToString());
        Assert.Contains("withdrawn", withdrawn.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("REF-MOTHER-1", after.Output, StringComparison.Ordinal);
        Assert.Contains("was withdrawn", after.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdraw_ConsentItCannotSee_ExitsTwoNotFound()
    {
        var stranger = await hub.RegisterAsync("consent-stranger", [Scopes.ConsentRead, Scopes.ConsentWrite]);

        var run = await HubCtlRun.AsAsync(hub, stranger, "consent", "withdraw", Guid.NewGuid().ToString(), "--reason", "no");

        Assert.Equal(ExitCodes.RpcError, run.ExitCode);
        Assert.StartsWith("NOT_FOUND: ", run.Error, StringComparison.Ordinal);
    }
}
