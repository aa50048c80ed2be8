using System.CommandLine;
using CoordinationHub.Cli.Commands.Admin;
using CoordinationHub.Cli.Commands.Cases;
using CoordinationHub.Cli.Connection;
using CoordinationHub.Cli.Output;
using CoordinationHub.Contracts.V1;
using Google.Protobuf.WellKnownTypes;

namespace CoordinationHub.Cli.Commands.Consents;

/// <summary>
/// <c>hubctl authorisations record|get|list</c>: a court order or a statute that lets named
/// agencies see a case's data without the family's consent, as a judicial body records it
/// (coordination.v1.ConsentsService; recording needs authorisations.write and a justice agency).
/// </summary>
internal static class AuthorisationCommands
{
    private static readonly ProtoEnumNames<LegalBasis> Bases = new(
        ConsentsReflection.Descriptor.EnumTypes.Single(type => type.Name == nameof(LegalBasis)), "LEGAL_BASIS_");

    private static readonly OutputView<LegalAuthorisation> View = new(
        [
            new("Authorisation", a => a.AuthorisationId),
            new("Case", a => a.CaseId),
            new("Basis", a => $"{Bases.NameOf(a.Basis)} {a.Reference}"),
            new("Issued by", a => a.IssuingBody),
            new("Recorded by", a => a.RecordingAgencyId),
            new("Allows", a => DisclosureScopeOptions.Describe(a.Scope)),
            new("State", a => ConsentCommands.States.NameOf(a.State)),
            new("Valid", a => $"{CaseViews.Time(a.ValidTime)} – {(a.ExpireTime is null ? "open-ended" : CaseViews.Time(a.ExpireTime))}"),
        ],
        a => ProtoJson.ToJson(a));

    public static Command Create(GlobalOptions globals, CliConsole console) =>
        new("authorisations", "Record and list court orders and statutes that disclose a case's data without consent (coordination.v1.ConsentsService; needs consent.read / authorisations.write).")
        {
            Record(globals, console),
            Get(globals, console),
            List(globals, console),
        };

    private static Command Record(GlobalOptions globals, CliConsole console)
    {
        var caseId = new Option<string>("--case") { Description = "The hub case the authorisation is about (one you can see)", Required = true, HelpName = "case-id" };
        var basis = EnumOptions.Create("--basis", Bases, "What the authorisation rests on", required: true);
        var reference = new Option<string>("--reference") { Description = "The order's or statute's reference, for example the court file number", Required = true, HelpName = "ref" };
        var issuingBody = new Option<string>("--issued-by") { Description = "The court or legislature that issued it", Required = true, HelpName = "body" };
        var scopeOptions = new DisclosureScopeOptions("authorisation");
        var validFrom = new Option<DateTimeOffset?>("--valid-from") { Description = "When it takes effect (ISO 8601); now when omitted", HelpName = "time" };
        var expires = new Option<DateTimeOffset?>("--expires") { Description = "When it lapses (ISO 8601); required for a court order", HelpName = "time" };
        var requestId = new Option<string?>("--request-id") { Description = "Idempotency key; defaults to 'authorisation:<case>:<reference>', so recording one order twice records it once", HelpName = "id" };
        var command = new Command(
            "record",
            "Record a court order or statute, as a judicial body (ConsentsService/RecordLegalAuthorisation). From then on the disclosure policy " +
            "lets the named recipients see the named categories for the named purposes, within their own claims, whatever the family consented.")
        { caseId, basis, reference, issuingBody, validFrom, expires, requestId };
        scopeOptions.AddTo(command);
        command.SetHubAction(globals, console, async call =>
        {
            var parse = call.ParseResult;
            var caseValue = parse.GetRequiredValue(caseId);
            var referenceValue = parse.GetRequiredValue(reference);
            var request = new RecordLegalAuthorisationRequest
            {
                RequestId = parse.GetValue(requestId) ?? $"authorisation:{caseValue}:{referenceValue}",
                CaseId = caseValue,
                Basis = parse.Read(basis, Bases),
                Reference = referenceValue,
                IssuingBody = parse.GetRequiredValue(issuingBody),
                Scope = scopeOptions.Read(parse),
            };
            if (parse.GetValue(validFrom) is { } from)
            {
                request.ValidTime = Timestamp.FromDateTimeOffset(from);
            }

            if (parse.GetValue(expires) is { } until)
            {
                request.ExpireTime = Timestamp.FromDateTimeOffset(until);
            }

            var authorisation = await call.Hub.UnaryAsync(ConsentsServiceMethods.RecordLegalAuthorisation, request, call.CancellationToken).ConfigureAwait(false);
            call.Output.WriteObject(authorisation, View);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Get(GlobalOptions globals, CliConsole console)
    {
        var authorisationId = new Argument<string>("authorisation-id") { Description = "The authorisation id" };
        var command = new Command("get", "Show one legal authorisation of a case you can see (ConsentsService/GetLegalAuthorisation).") { authorisationId };
        command.SetHubAction(globals, console, async call =>
        {
            var authorisation = await call.Hub.UnaryAsync(
                ConsentsServiceMethods.GetLegalAuthorisation,
                new GetLegalAuthorisationRequest { AuthorisationId = call.ParseResult.GetRequiredValue(authorisationId) },
                call.CancellationToken).ConfigureAwait(false);
            call.Output.WriteObject(authorisation, View);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(GlobalOptions globals, CliConsole console)
    {
        var caseId = CaseReadCommands.CaseId();
        var command = new Command("list", "List a case's legal authorisations, in force or not (ConsentsService/ListLegalAuthorisations).") { caseId };
        command.SetHubAction(globals, console, async call =>
        {
            var request = new ListLegalAuthorisationsRequest { CaseId = call.ParseResult.GetRequiredValue(caseId), PageSize = 500 };
            var authorisations = await call.Hub.ListAllAsync(ConsentsServiceMethods.ListLegalAuthorisations, request, page => page.LegalAuthorisations, call.CancellationToken).ConfigureAwait(false);

            call.Output.WriteList(authorisations, View);
            return ExitCodes.Ok;
        });
        return command;
    }
}
