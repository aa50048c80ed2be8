using System.CommandLine;
using System.Globalization;
using CoordinationHub.Cli.Commands.Admin;
using CoordinationHub.Cli.Commands.Cases;
using CoordinationHub.Cli.Connection;
using CoordinationHub.Cli.Output;
using CoordinationHub.Contracts.V1;
using Google.Protobuf.Reflection;

namespace CoordinationHub.Cli.Commands.Identifications;

/// <summary>
/// <c>hubctl identifications</c>: a laboratory reports that remains match a case, a second
/// authority confirms or rejects it, the family's liaison records that the family was informed
/// (coordination.v1.IdentificationsService). Every step notifies every agency with a stake in the case.
/// </summary>
internal static class IdentificationCommands
{
    private static readonly ProtoEnumNames<IdentificationMethod> Methods = new(Find("IdentificationMethod"), "IDENTIFICATION_METHOD_");
    private static readonly ProtoEnumNames<MatchedPerson> Matched = new(Find("MatchedPerson"), "MATCHED_PERSON_");
    private static readonly ProtoEnumNames<IdentificationState> States = new(Find("IdentificationState"), "IDENTIFICATION_STATE_");

    /// <summary>Columns of an identification, shared with the notifications that carry one.</summary>
    public static OutputView<Identification> View { get; } = new(
        [
            new("Identification", i => i.IdentificationId),
            new("Case", i => i.CaseId),
            new("Reported by", i => i.ReportingAgencyId),
            new("Method", i => Methods.NameOf(i.Method)),
            new("Matched", i => Matched.NameOf(i.MatchedPerson)),
            new("Statistics", i => Statistics(i.Statistics)),
            new("Site", i => i.Site),
            new("Sample", i => i.SampleReference),
            new("State", i => States.NameOf(i.State)),
            new("Reviewed by", i => i.ReviewingAgencyId.Length == 0 ? string.Empty : $"{i.ReviewingAgencyId}: {i.ReviewNote}"),
            new("Family informed", i => i.FamilyInformedTime is null ? string.Empty : $"{CaseViews.Time(i.FamilyInformedTime)} by {i.FamilyInformedByAgencyId}"),
            new("Etag", i => i.Etag),
        ],
        i => ProtoJson.ToJson(i));

    public static Command Create(GlobalOptions globals, CliConsole console) =>
        new("identifications", "Report, review and follow identifications of remains (coordination.v1.IdentificationsService; needs identifications.report / read / confirm / inform).")
        {
            Report(globals, console),
            Get(globals, console),
            List(globals, console),
            Review(globals, console, "confirm", "--note",
                "Confirm an identification another agency reported, as the second authority (IdentificationsService/ConfirmIdentification). The case becomes identified deceased, or located alive for a living match.",
                (id, text, etag, call) => call.Hub.UnaryAsync(IdentificationsServiceMethods.ConfirmIdentification, new ConfirmIdentificationRequest { IdentificationId = id, Note = text, Etag = etag }, call.CancellationToken)),
            Review(globals, console, "reject", "--reason",
                "Reject an identification another agency reported, with the reason (IdentificationsService/RejectIdentification). The case stays open.",
                (id, text, etag, call) => call.Hub.UnaryAsync(IdentificationsServiceMethods.RejectIdentification, new RejectIdentificationRequest { IdentificationId = id, Reason = text, Etag = etag }, call.CancellationToken)),
            Review(globals, console, "family-informed", needsText: null,
                "Record that the family was informed of a confirmed identification, as the agency holding the family's contact (IdentificationsService/RecordFamilyInformed).",
                (id, _, etag, call) => call.Hub.UnaryAsync(IdentificationsServiceMethods.RecordFamilyInformed, new RecordFamilyInformedRequest { IdentificationId = id, Etag = etag }, call.CancellationToken)),
        };

    private static Command Report(GlobalOptions globals, CliConsole console)
    {
        var caseId = new Option<string>("--case") { Description = "The hub case the remains match (one you can see, still open)", Required = true, HelpName = "case-id" };
        var site = new Option<string>("--site") { Description = "Where the remains were recovered", Required = true, HelpName = "text" };
        var sample = new Option<string>("--sample") { Description = "Your laboratory's reference of the sample", Required = true, HelpName = "ref" };
        var method = EnumOptions.Create("--method", Methods, "How the match was made", required: true);
        var matched = EnumOptions.Create("--matched", Matched, "Whether the matched person is deceased or living", required: true);
        var likelihoodRatio = new Option<double?>("--likelihood-ratio") { Description = "The match's likelihood ratio (DNA kinship)", HelpName = "number" };
        var posterior = new Option<double?>("--posterior") { Description = "Posterior probability of identity, between 0 and 1", HelpName = "number" };
        var points = new Option<int?>("--points") { Description = "Points compared (dental, fingerprints)", HelpName = "n" };
        var requestId = new Option<string?>("--request-id") { Description = "Idempotency key; defaults to 'identification:<case>:<sample>', so reporting the same sample twice reports it once", HelpName = "id" };
        var command = new Command(
            "report",
            "Report that remains match a case, as a laboratory or forensic agency (IdentificationsService/ReportIdentification). It awaits " +
            "review by a second authority; every agency with a stake in the case is notified.")
        { caseId, site, sample, method, matched, likelihoodRatio, posterior, points, requestId };
        command.SetHubAction(globals, console, async call =>
        {
            var parse = call.ParseResult;
            var caseValue = parse.GetRequiredValue(caseId);
            var sampleValue = parse.GetRequiredValue(sample);
            var request = new ReportIdentificationRequest
            {
                RequestId = parse.GetValue(requestId) ?? $"identification:{caseValue}:{sampleValue}",
                CaseId = caseValue,
                Site = parse.GetRequiredValue(site),
                SampleReference = sampleValue,
                Method = parse.Read(method, Methods),
                MatchedPerson = parse.Read(matched, Matched),
                Statistics = new MatchStatistics
                {
                    LikelihoodRatio = parse.GetValue(likelihoodRatio) ?? 0,
                    PosteriorProbability = parse.GetValue(posterior) ?? 0,
                    PointsCompared = parse.GetValue(points) ?? 0,
                },
            };
            var identification = await call.Hub.UnaryAsync(IdentificationsServiceMethods.ReportIdentification, request, call.CancellationToken).ConfigureAwait(false);
            call.Output.WriteObject(identification, View);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Get(GlobalOptions globals, CliConsole console)
    {
        var identificationId = IdentificationId();
        var command = new Command("get", "Show one identification of a case you can see; forensic details as the disclosure policy allows you (IdentificationsService/GetIdentification).") { identificationId };
        command.SetHubAction(globals, console, async call =>
        {
            var identification = await call.Hub.UnaryAsync(
                IdentificationsServiceMethods.GetIdentification,
                new GetIdentificationRequest { IdentificationId = call.ParseResult.GetRequiredValue(identificationId) },
                call.CancellationToken).ConfigureAwait(false);
            call.Output.WriteObject(identification, View);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(GlobalOptions globals, CliConsole console)
    {
        var caseId = CaseReadCommands.CaseId();
        var command = new Command("list", "List a case's identifications, oldest first (IdentificationsService/ListIdentifications).") { caseId };
        command.SetHubAction(globals, console, async call =>
        {
            var response = await call.Hub.UnaryAsync(
                IdentificationsServiceMethods.ListIdentifications,
                new ListIdentificationsRequest { CaseId = call.ParseResult.GetRequiredValue(caseId) },
                call.CancellationToken).ConfigureAwait(false);
            call.Output.WriteList(response.Identifications, View);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Review(
        GlobalOptions globals, CliConsole console, string name, string? needsText, string description, Func<string, string, string, HubCommandContext, Task<Identification>> change)
    {
        var identificationId = IdentificationId();
        var etag = new Option<string?>("--etag") { Description = "The etag as last read; the step is refused (ABORTED) if the identification changed since", HelpName = "etag" };
        var command = new Command(name, description) { identificationId, etag };
        Option<string>? text = null;
        if (needsText is not null)
        {
            text = new Option<string>(needsText) { Description = "In words the other agencies read; audited", Required = true, HelpName = "text" };
            command.Options.Add(text);
        }

        command.SetHubAction(globals, console, async call =>
        {
            var identification = await change(
                call.ParseResult.GetRequiredValue(identificationId),
                text is null ? string.Empty : call.ParseResult.GetRequiredValue(text),
                call.ParseResult.GetValue(etag) ?? string.Empty,
                call).ConfigureAwait(false);
            call.Output.WriteObject(identification, View);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Statistics(MatchStatistics? statistics)
    {
        if (statistics is null)
        {
            return string.Empty;
        }

        var parts = new List<string>();
        if (statistics.LikelihoodRatio > 0)
        {
            parts.Add("LR " + statistics.LikelihoodRatio.ToString("G4", CultureInfo.InvariantCulture));
        }

        if (statistics.PosteriorProbability > 0)
        {
            parts.Add("posterior " + statistics.PosteriorProbability.ToString("0.######", CultureInfo.InvariantCulture));
        }

        if (statistics.PointsCompared > 0)
        {
            parts.Add(statistics.PointsCompared.ToString(CultureInfo.InvariantCulture) + " points");
        }

        return string.Join(", ", parts);
    }

    private static Argument<string> IdentificationId() => new("identification-id") { Description = "The identification id" };

    private static EnumDescriptor Find(string name) => IdentificationsReflection.Descriptor.EnumTypes.Single(type => type.Name == name);
}
