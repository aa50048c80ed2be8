using System.Text.Json;
using CoordinationHub.Cli.Tests.Infrastructure;
using CoordinationHub.Domain.Trust;

namespace CoordinationHub.Cli.Tests.Commands.Identifications;

/// <summary>
/// hubctl identifications and notifications as the story's agencies use them: a laboratory reports a
/// match, a judicial body confirms it, the family association hears of it (live, or by catching up
/// after its last acknowledgement) and records the family informed.
/// </summary>
[Collection(HubTestGroup.Name)]
public sealed class IdentificationCommandTests(CliHubTestHost hub)
{
    private static readonly string[] CaseScopes = [Scopes.CasesRead, Scopes.CasesWrite, Scopes.ReferralsRead, Scopes.ReferralsWrite, Scopes.NotificationsSubscribe];

    [Fact]
    public async Task ReportConfirmInform_FamilyCatchesUpOnceAndSeesEveryStep()
    {
        var (family, lab, justice, caseId) = await SetUpCaseAsync();

        var reported = await HubCtlRun.AsAsync(hub, lab, "identifications", "report", "--case", caseId, "--site", "Zuwara shore, grave 14",
            "--sample", "LAB-BONE-0031", "--method", "dna-kinship", "--matched", "deceased", "--likelihood-ratio", "2.4e9", "--posterior", "0.99999", "-o", "json");
        Assert.True(reported.ExitCode == ExitCodes.Ok, reported.ToString());
        var identificationId = JsonOutput.StringAt(reported.Output, "identificationId");
        var ownReview = await HubCtlRun.AsAsync(hub, lab, "identifications", "confirm", identificationId, "--note", "my own match");
        var confirmed = await HubCtlRun.AsAsync(hub, justice, "identifications", "confirm", identificationId, "--note", "court file 2026/117", "-o", "json");
        var informed = await HubCtlRun.AsAsync(hub, family, "identifications", "family-informed", identificationId, "-o", "json");
        var caughtUp = await HubCtlRun.AsAsync(hub, family, "notifications", "subscribe", "--ack", "-o", "json");
        var again = await HubCtlRun.AsAsync(hub, family, "notifications", "subscribe");
        var listed = await HubCtlRun.AsAsync(hub, family, "identifications", "list", caseId);
        var labCaughtUp = await HubCtlRun.AsAsync(hub, lab, "notifications", "subscribe", "-o", "json");

        Assert.Equal(ExitCodes.RpcError, ownReview.ExitCode);
        Assert.StartsWith("PERMISSION_DENIED: ", ownReview.Error, StringComparison.Ordinal);
        Assert.True(confirmed.ExitCode == ExitCodes.Ok, confirmed.ToString());
        Assert.Equal("IDENTIFICATION_STATE_CONFIRMED", JsonOutput.StringAt(confirmed.Output, "state"));
        Assert.True(informed.ExitCode == ExitCodes.Ok, informed.ToString());
        Assert.Equal(family.AgencyId, JsonOutput.StringAt(informed.Output, "familyInformedByAgencyId"));
        Assert.True(caughtUp.ExitCode == ExitCodes.Ok, caughtUp.ToString());
        var notifications = JsonOutput.Lines(caughtUp.Output);
        var kinds = notifications.Where(n => n.GetProperty("caseId").GetString() == caseId).Select(n => n.GetProperty("kind").GetString()).ToList();
        // An agency is not told of its own act: the family association recorded the family informed.
        Assert.Equal(
            ["NOTIFICATION_KIND_IDENTIFICATION_REPORTED", "NOTIFICATION_KIND_IDENTIFICATION_CONFIRMED"],
            kinds.Where(k => k!.Contains("IDENTIFICATION", StringComparison.Ordinal) || k.Contains("FAMILY", StringComparison.Ordinal)));
        var sequences = notifications.Select(n => long.Parse(n.GetProperty("sequence").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(ExitCodes.Ok, again.ExitCode);
        Assert.Contains("no notifications waiting", again.Error, StringComparison.Ordinal);
        Assert.Contains("confirmed", listed.Output, StringComparison.Ordinal);
        var labKinds = JsonOutput.Lines(labCaughtUp.Output).Select(n => n.GetProperty("kind").GetString()).ToList();
        Assert.Contains("NOTIFICATION_KIND_IDENTIFICATION_CONFIRMED", labKinds);
        Assert.Equal("NOTIFICATION_KIND_FAMILY_INFORMED", labKinds[^1]);
    }

    [Fact]
    public async Task SubscribeFollow_LaboratorysReportReachesTheJudicialBodyLive()
    {
        var (_, lab, justice, caseId) = await SetUpCaseAsync();
        Assert.Equal(ExitCodes.Ok, (await HubCtlRun.AsAsync(hub, justice, "notifications", "subscribe", "--ack")).ExitCode);

        var live = HubCtlRun.AsAsync(hub, justice, "notifications", "subscribe", "--follow", "--count", "1", "-o", "json");
        var reported = await HubCtlRun.AsAsync(hub, lab, "identifications", "report", "--case", caseId, "--site", "Sabratha morgue",
            "--sample", "LAB-TOOTH-0007", "--method", "dental", "--matched", "deceased", "--points", "22");
        var received = await live.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(reported.ExitCode == ExitCodes.Ok, reported.ToString());
        Assert.True(received.ExitCode == ExitCodes.Ok, received.ToString());
        var notification = Assert.Single(JsonOutput.Lines(received.Output));
        Assert.Equal("NOTIFICATION_KIND_IDENTIFICATION_REPORTED", notification.GetProperty("kind").GetString());
        Assert.Equal(caseId, notification.GetProperty("caseId").GetString());
        Assert.Equal(lab.AgencyId, notification.GetProperty("actorAgencyId").GetString());
    }

    [Fact]
    public async Task Report_AgencyWithoutTheScope_ExitsWithPermissionDeniedAndNothingReported()
    {
        var (family, _, _, caseId) = await SetUpCaseAsync();

        var refused = await HubCtlRun.AsAsync(hub, family, "identifications", "report", "--case", caseId, "--site", "x",
            "--sample", "FAM-1", "--method", "dna-kinship", "--matched", "deceased");
        var listed = await HubCtlRun.AsAsync(hub, family, "identifications", "list", caseId, "-o", "json");

        Assert.Equal(ExitCodes.RpcError, refused.ExitCode);
        Assert.StartsWith("PERMISSION_DENIED: ", refused.Error, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(listed.Output).RootElement.ValueKind);
        Assert.Empty(JsonDocument.Parse(listed.Output).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task Subscribe_NegativeCount_IsAUsageError()
    {
        var run = await HubCtlRun.AsAsync(hub, hub.Operator, "notifications", "subscribe", "--count", "0");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--count must be positive", run.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// A family association's case, referred for identification to a DNA laboratory and to a
    /// judicial body, both of which accepted.
    /// </summary>
    private async Task<(AgencyFiles Family, AgencyFiles Lab, AgencyFiles Justice, string CaseId)> SetUpCaseAsync()
    {
        var family = await hub.RegisterAsync(
            "family-assoc", [.. CaseScopes, Scopes.IdentificationsRead, Scopes.IdentificationsInform],
            categories: [DataCategories.Identity, DataCategories.Circumstances, DataCategories.Contact], purposes: [Purposes.Search, Purposes.Identification], kind: "FAMILY_ASSOCIATION");
        var lab = await hub.RegisterAsync(
            "dna-lab", [.. CaseScopes, Scopes.IdentificationsRead, Scopes.IdentificationsReport],
            categories: [DataCategories.Identity, DataCategories.Genetic], purposes: [Purposes.Identification], kind: "FORENSIC_LABORATORY");
        var justice = await hub.RegisterAsync(
            "justice", [.. CaseScopes, Scopes.IdentificationsRead, Scopes.IdentificationsConfirm],
            categories: [DataCategories.Identity], purposes: [Purposes.Identification], kind: "JUSTICE");
        var report = await HubCtlRun.AsAsync(hub, family, "cases", "report", "--reference", "FAM-" + Guid.NewGuid().ToString("N")[..8],
            "--name", "Youssef Ali Ben Salem", "--born", "1991", "-o", "json");
        Assert.True(report.ExitCode == ExitCodes.Ok, report.ToString());
        var caseId = JsonOutput.StringAt(report.Output, "case", "caseId");
        foreach (var recipient in new[] { lab, justice })
        {
            var referral = await HubCtlRun.AsAsync(hub, family, "referrals", "create", "--case", caseId, "--to", recipient.AgencyId,
                "--purpose", "identification", "--category", "identity", "--reason", "identification of recovered remains", "-o", "json");
            Assert.True(referral.ExitCode == ExitCodes.Ok, referral.ToString());
            var accepted = await HubCtlRun.AsAsync(hub, recipient, "referrals", "accept", JsonOutput.StringAt(referral.Output, "referralId"));
            Assert.True(accepted.ExitCode == ExitCodes.Ok, accepted.ToString());
        }

        return (family, lab, justice, caseId);
    }
}
