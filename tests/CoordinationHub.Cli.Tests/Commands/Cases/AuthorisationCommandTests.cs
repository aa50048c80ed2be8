using CoordinationHub.Cli.Tests.Infrastructure;
using CoordinationHub.Domain.Trust;

namespace CoordinationHub.Cli.Tests.Commands.Cases;

/// <summary>
/// hubctl authorisations as a judicial body uses it: a court order opens the genetic reference to the
/// DNA laboratory without the family's consent, and the case's reporter lists it; an agency that is
/// not judicial cannot record one.
/// </summary>
[Collection(HubTestGroup.Name)]
public sealed class AuthorisationCommandTests(CliHubTestHost hub)
{
    [Fact]
    public async Task Record_CourtOrder_LaboratorySeesGeneticDataOnItsBasis()
    {
        var (caseId, family, lab) = await ReferredCaseAsync();
        var court = await hub.RegisterAsync("court", [Scopes.AuthorisationsWrite, Scopes.ConsentRead], kind: "JUSTICE");
        var before = await HubCtlRun.AsAsync(hub, lab, "cases", "get", caseId, "--purpose", "identification", "-o", "json");

        var recorded = await HubCtlRun.AsAsync(hub, court, "authorisations", "record", "--case", caseId, "--basis", "court-order",
            "--reference", "TRIB-2026-0117", "--issued-by", "Tribunal of First Instance, Tripoli", "--purpose", "identification",
            "--category", "genetic", "--to-agency", lab.AgencyId, "--expires", DateTimeOffset.UtcNow.AddYears(1).ToString("O"), "-o", "json");
        Assert.True(recorded.ExitCode == ExitCodes.Ok, recorded.ToString());
        var after = await HubCtlRun.AsAsync(hub, lab, "cases", "get", caseId, "--purpose", "identification", "-o", "json");
        var listed = await HubCtlRun.AsAsync(hub, family, "authorisations", "list", caseId);
        var fetched = await HubCtlRun.AsAsync(hub, family, "authorisations", "get", JsonOutput.StringAt(recorded.Output, "authorisationId"), "-o", "json");

        Assert.DoesNotContain("REF-FATHER-7", before.Output, StringComparison.Ordinal);
        Assert.Equal("GRANT_STATE_IN_FORCE", JsonOutput.StringAt(recorded.Output, "state"));
        Assert.Contains("REF-FATHER-7", after.Output, StringComparison.Ordinal);
        Assert.Contains("authorisation:" + JsonOutput.StringAt(recorded.Output, "authorisationId"), after.Output, StringComparison.Ordinal);
        Assert.Contains("TRIB-2026-0117", listed.Output, StringComparison.Ordinal);
        Assert.Equal("Tribunal of First Instance, Tripoli", JsonOutput.StringAt(fetched.Output, "issuingBody"));
    }

    [Fact]
    public async Task Record_AgencyThatIsNotJudicial_ExitsTwoPermissionDeniedAndNothingRecorded()
    {
        var (caseId, _, lab) = await ReferredCaseAsync();
        var ministry = await hub.RegisterAsync("ministry", [Scopes.AuthorisationsWrite, Scopes.ConsentRead], kind: "INTERIOR");

        var refused = await HubCtlRun.AsAsync(hub, ministry, "authorisations", "record", "--case", caseId, "--basis", "statute",
            "--reference", "Law 10/2026", "--issued-by", "Parliament", "--purpose", "identification", "--category", "genetic", "--to-agency", lab.AgencyId);
        var view = await HubCtlRun.AsAsync(hub, lab, "cases", "get", caseId, "--purpose", "identification");

        Assert.Equal(ExitCodes.RpcError, refused.ExitCode);
        Assert.StartsWith("PERMISSION_DENIED: legal authorisations are recorded by judicial agencies", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("REF-FATHER-7", view.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_UnknownRecipientKind_IsAUsageErrorBeforeAnyCall()
    {
        var run = await HubCtlRun.AsAsync(hub, hub.Operator, "authorisations", "record", "--case", "MP-1", "--basis", "statute",
            "--reference", "x", "--issued-by", "y", "--to-kind", "police");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--to-kind: unknown 'police'", run.Error, StringComparison.Ordinal);
    }

    /// <summary>A family's case with the father's reference sample, referred to a DNA laboratory for identification (identity only).</summary>
    private async Task<(string CaseId, AgencyFiles Family, AgencyFiles Lab)> ReferredCaseAsync()
    {
        var family = await hub.RegisterAsync(
            "family-assoc", [Scopes.CasesRead, Scopes.CasesWrite, Scopes.ReferralsRead, Scopes.ReferralsWrite, Scopes.ConsentRead],
            categories: [DataCategories.Identity, DataCategories.Circumstances, DataCategories.Genetic], purposes: [Purposes.Search, Purposes.Identification], kind: "FAMILY_ASSOCIATION");
        var lab = await hub.RegisterAsync(
            "dna-lab", [Scopes.CasesRead, Scopes.ReferralsRead, Scopes.ReferralsWrite],
            categories: [DataCategories.Identity, DataCategories.Genetic], purposes: [Purposes.Identification], kind: "FORENSIC_LABORATORY");
        var sections = Path.Combine(hub.NewDirectory(), "sections.json");
        await File.WriteAllTextAsync(sections, """{"genetic": {"samples": [{"sampleReference": "REF-FATHER-7", "laboratoryAgencyId": "dna-lab", "donorRelation": "father"}]}}""");
        var report = await HubCtlRun.AsAsync(hub, family, "cases", "report", "--reference", "FAM-" + Guid.NewGuid().ToString("N")[..8],
            "--name", "Salim Hadi Al-Mabrouk", "--born", "1979", "--sections", sections, "-o", "json");
        Assert.True(report.ExitCode == ExitCodes.Ok, report.ToString());
        var caseId = JsonOutput.StringAt(report.Output, "case", "caseId");
        var referral = await HubCtlRun.AsAsync(hub, family, "referrals", "create", "--case", caseId, "--to", lab.AgencyId,
            "--purpose", "identification", "--category", "identity", "--reason", "compare with unidentified remains", "-o", "json");
        Assert.True(referral.ExitCode == ExitCodes.Ok, referral.ToString());
        Assert.Equal(ExitCodes.Ok, (await HubCtlRun.AsAsync(hub, lab, "referrals", "accept", JsonOutput.StringAt(referral.Output, "referralId"))).ExitCode);
        return (caseId, family, lab);
    }
}
