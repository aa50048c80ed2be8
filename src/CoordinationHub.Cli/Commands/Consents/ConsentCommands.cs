using System.CommandLine;
using CoordinationHub.Cli.Commands.Admin;
using CoordinationHub.Cli.Commands.Cases;
using CoordinationHub.Cli.Connection;
using CoordinationHub.Cli.Output;
using CoordinationHub.Contracts.V1;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace CoordinationHub.Cli.Commands.Consents;

/// <summary>
/// <c>hubctl consent record|list|withdraw</c>: a family's consent, as the collecting agency records
/// it from the signed form (coordination.v1.ConsentsService). A withdrawal bites on the next read on
/// every hub replica, and every stakeholder of the case is notified.
/// </summary>
internal static class ConsentCommands
{
    private static readonly ProtoEnumNames<ConsentGiver> Givers = new(Find("ConsentGiver"), "CONSENT_GIVER_");
    /// <summary>The states of consents and legal authorisations alike.</summary>
    public static ProtoEnumNames<GrantState> States { get; } = new(Find("GrantState"), "GRANT_STATE_");

    private static readonly OutputView<Consent> View = new(
        [
            new("Consent", c => c.ConsentId),
            new("Case", c => c.CaseId),
            new("Given by", c => $"{Givers.NameOf(c.Giver)} {c.GiverRelation}".Trim()),
            new("Collected by", c => c.CollectingAgencyId),
            new("Purposes", c => string.Join(", ", c.Scope?.Purposes.Select(AgencyVocabulary.Purposes.NameOf) ?? [])),
            new("Categories", c => string.Join(", ", c.Scope?.DataCategories.Select(AgencyVocabulary.Categories.NameOf) ?? [])),
            new("Recipients", c => string.Join(", ", (c.Scope?.RecipientAgencyIds ?? []).Concat(c.Scope?.RecipientAgencyKinds.Select(k => "every " + AgencyVocabulary.Kinds.NameOf(k)) ?? []))),
            new("State", c => States.NameOf(c.State)),
            new("Valid", c => $"{CaseViews.Time(c.ValidTime)} – {(c.ExpireTime is null ? "open-ended" : CaseViews.Time(c.ExpireTime))}"),
            new("Signed form", c => c.FormReference),
            new("Withdrawn", c => c.WithdrawTime is null ? string.Empty : $"{CaseViews.Time(c.WithdrawTime)}: {c.WithdrawalReason}"),
        ],
        c => ProtoJson.ToJson(c));

    public static Command Create(GlobalOptions globals, CliConsole console) =>
        new("consent", "Record, list and withdraw families' consents on a case (coordination.v1.ConsentsService; needs consent.read / consent.write).")
        {
            Record(globals, console),
            List(globals, console),
            Withdraw(globals, console),
        };

    private static Command Record(GlobalOptions globals, CliConsole console)
    {
        var caseId = new Option<string>("--case") { Description = "The hub case the consent is about (one you can see)", Required = true, HelpName = "case-id" };
        var giver = EnumOptions.Create("--giver", Givers, "Who consented", required: true);
        var relation = new Option<string?>("--relation") { Description = "The family member's relation to the missing person, for example mother", HelpName = "text" };
        var scopeOptions = new DisclosureScopeOptions("consent");
        var form = new Option<string>("--form") { Description = "Reference of the signed consent form your agency keeps", Required = true, HelpName = "ref" };
        var expires = new Option<DateTimeOffset?>("--expires") { Description = "When the consent lapses (ISO 8601); open-ended when omitted", HelpName = "time" };
        var requestId = new Option<string?>("--request-id") { Description = "Idempotency key; defaults to 'consent:<case>:<form>', so recording the same form twice records it once", HelpName = "id" };
        var command = new Command(
            "record",
            "Record a consent from its signed form, as the collecting agency (ConsentsService/RecordConsent). From then on the disclosure policy lets " +
            "the named recipients see the named categories for the named purposes, within their own claims.")
        { caseId, giver, relation, form, expires, requestId };
        scopeOptions.AddTo(command);
        command.SetHubAction(globals, console, async call =>
        {
            var parse = call.ParseResult;
            var scope = scopeOptions.Read(parse);
            var caseValue = parse.GetRequiredValue(caseId);
            var formValue = parse.GetRequiredValue(form);
            var request = new RecordConsentRequest
            {
                RequestId = parse.GetValue(requestId) ?? $"consent:{caseValue}:{formValue}",
                CaseId = caseValue,
                Giver = parse.Read(giver, Givers),
                GiverRelation = parse.GetValue(relation) ?? string.Empty,
                Scope = scope,
                FormReference = formValue,
            };
            if (parse.GetValue(expires) is { } until)
            {
                request.ExpireTime = Timestamp.FromDateTimeOffset(until);
            }

            var consent = await call.Hub.UnaryAsync(ConsentsServiceMethods.RecordConsent, request, call.CancellationToken).ConfigureAwait(false);
            call.Output.WriteObject(consent, View);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(GlobalOptions globals, CliConsole console)
    {
        var caseId = CaseReadCommands.CaseId();
        var command = new Command("list", "List a case's consents, in force or not, with their state (ConsentsService/ListConsents).") { caseId };
        command.SetHubAction(globals, console, async call =>
        {
            var request = new ListConsentsRequest { CaseId = call.ParseResult.GetRequiredValue(caseId), PageSize = 500 };
            var consents = await call.Hub.ListAllAsync(ConsentsServiceMethods.ListConsents, request, page => page.Consents, call.CancellationToken).ConfigureAwait(false);

            call.Output.WriteList(consents, View);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Withdraw(GlobalOptions globals, CliConsole console)
    {
        var consentId = new Argument<string>("consent-id") { Description = "The consent id" };
        var reason = new Option<string>("--reason") { Description = "What the family said, for the case history and the audit log", Required = true, HelpName = "text" };
        var command = new Command(
            "withdraw",
            "Record the family's withdrawal of a consent, as the collecting agency (ConsentsService/WithdrawConsent). The next read on every hub " +
            "replica is cut, and every agency with a stake in the case is notified.")
        { consentId, reason };
        command.SetHubAction(globals, console, async call =>
        {
            var consent = await call.Hub.UnaryAsync(
                ConsentsServiceMethods.WithdrawConsent,
                new WithdrawConsentRequest { ConsentId = call.ParseResult.GetRequiredValue(consentId), Reason = call.ParseResult.GetRequiredValue(reason) },
                call.CancellationToken).ConfigureAwait(false);
            call.Output.WriteObject(consent, View);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static EnumDescriptor Find(string name) => ConsentsReflection.Descriptor.EnumTypes.Single(type => type.Name == name);
}
