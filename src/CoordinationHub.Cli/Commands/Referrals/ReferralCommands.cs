using System.CommandLine;
using CoordinationHub.Cli.Commands.Admin;
using CoordinationHub.Cli.Commands.Cases;
using CoordinationHub.Cli.Connection;
using CoordinationHub.Contracts.V1;
using Google.Protobuf.WellKnownTypes;

namespace CoordinationHub.Cli.Commands.Referrals;

/// <summary>
/// <c>hubctl referrals</c>: refer a case to another agency for a purpose and a set of categories,
/// and move referrals through their states (coordination.v1.ReferralsService). A change to a
/// referral another officer changed meanwhile is refused (ABORTED) unless no --etag is given.
/// </summary>
internal static class ReferralCommands
{
    public static Command Create(GlobalOptions globals, CliConsole console) =>
        new("referrals", "Refer cases between agencies and answer referrals: create, list your inbox or outbox, accept, decline, complete, withdraw (needs referrals.read / referrals.write).")
        {
            CreateReferral(globals, console),
            Get(globals, console),
            List(globals, console),
            Transition(globals, console, "accept", "Accept a referral you received: the case opens to you for its purpose and categories until it is due (ReferralsService/AcceptReferral).",
                needsText: null, (id, _, etag, call) => call.Hub.UnaryAsync(ReferralsServiceMethods.AcceptReferral, new AcceptReferralRequest { ReferralId = id, Etag = etag }, call.CancellationToken)),
            Transition(globals, console, "decline", "Decline a referral you received, with a reason the sender reads (ReferralsService/DeclineReferral).",
                needsText: "--reason", (id, text, etag, call) => call.Hub.UnaryAsync(ReferralsServiceMethods.DeclineReferral, new DeclineReferralRequest { ReferralId = id, Reason = text, Etag = etag }, call.CancellationToken)),
            Transition(globals, console, "complete", "Complete a referral you accepted, with its outcome (ReferralsService/CompleteReferral).",
                needsText: "--outcome", (id, text, etag, call) => call.Hub.UnaryAsync(ReferralsServiceMethods.CompleteReferral, new CompleteReferralRequest { ReferralId = id, Outcome = text, Etag = etag }, call.CancellationToken)),
            Transition(globals, console, "withdraw", "Withdraw a referral you sent, with a reason (ReferralsService/WithdrawReferral).",
                needsText: "--reason", (id, text, etag, call) => call.Hub.UnaryAsync(ReferralsServiceMethods.WithdrawReferral, new WithdrawReferralRequest { ReferralId = id, Reason = text, Etag = etag }, call.CancellationToken)),
        };

    private static Command CreateReferral(GlobalOptions globals, CliConsole console)
    {
        var caseId = new Option<string>("--case") { Description = "The hub case to refer", Required = true, HelpName = "case-id" };
        var to = new Option<string>("--to") { Description = "The agency asked to act", Required = true, HelpName = "agency-id" };
        var purpose = EnumOptions.Create("--purpose", AgencyVocabulary.Purposes, "What the recipient is asked to do", required: true);
        var categories = new ClaimOptions().Categories;
        categories.Description = $"Data category the recipient may see for that purpose (repeatable): {string.Join(", ", AgencyVocabulary.Categories.Names)}";
        var reason = new Option<string>("--reason") { Description = "Why, in words the recipient reads", Required = true, HelpName = "text" };
        var dueDays = new Option<int>("--due-days") { Description = "Days until the referral is due; it expires if not completed by then", DefaultValueFactory = _ => 30, HelpName = "n" };
        var requestId = new Option<string?>("--request-id") { Description = "Idempotency key; defaults to a new one. Give the same key to retry safely", HelpName = "id" };
        var command = new Command(
            "create",
            "Refer a case you can see to another agency for a purpose and data categories (ReferralsService/CreateReferral). " +
            "The recipient never sees more than the referral names, nor more than its own claims allow.")
        { caseId, to, purpose, categories, reason, dueDays, requestId };
        command.SetHubAction(globals, console, async call =>
        {
            var request = new CreateReferralRequest
            {
                RequestId = call.ParseResult.GetValue(requestId) ?? Guid.NewGuid().ToString("N"),
                CaseId = call.ParseResult.GetRequiredValue(caseId),
                ToAgencyId = call.ParseResult.GetRequiredValue(to),
                Purpose = call.ParseResult.Read(purpose, AgencyVocabulary.Purposes),
                Reason = call.ParseResult.GetRequiredValue(reason),
                DueTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(call.ParseResult.GetValue(dueDays))),
            };
            foreach (var name in (call.ParseResult.GetValue(categories) ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                request.DataCategories.Add(AgencyVocabulary.Categories.TryParse(name, out var category) ? category : throw new CliUsageException($"--category: unknown '{name}'."));
            }

            var referral = await call.Hub.UnaryAsync(ReferralsServiceMethods.CreateReferral, request, call.CancellationToken).ConfigureAwait(false);
            call.Output.WriteObject(referral, ReferralViews.Detail);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Get(GlobalOptions globals, CliConsole console)
    {
        var referralId = ReferralId();
        var command = new Command("get", "Show one referral you sent or received (ReferralsService/GetReferral).") { referralId };
        command.SetHubAction(globals, console, async call =>
        {
            var referral = await call.Hub.UnaryAsync(
                ReferralsServiceMethods.GetReferral, new GetReferralRequest { ReferralId = call.ParseResult.GetRequiredValue(referralId) }, call.CancellationToken).ConfigureAwait(false);
            call.Output.WriteObject(referral, ReferralViews.Detail);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(GlobalOptions globals, CliConsole console)
    {
        var box = EnumOptions.Create("--box", CaseVocabulary.ReferralBoxes, "Which side", required: true);
        var state = EnumOptions.Create("--state", CaseVocabulary.ReferralStates, "Only referrals in this state");
        var caseId = new Option<string?>("--case") { Description = "Only referrals about this case", HelpName = "case-id" };
        var command = new Command("list", "List the referrals you received (--box inbox) or sent (--box outbox), newest first (ReferralsService/ListReferrals).") { box, state, caseId };
        command.SetHubAction(globals, console, async call =>
        {
            var request = new ListReferralsRequest
            {
                Box = call.ParseResult.Read(box, CaseVocabulary.ReferralBoxes),
                State = call.ParseResult.Read(state, CaseVocabulary.ReferralStates),
                CaseId = call.ParseResult.GetValue(caseId) ?? string.Empty,
                PageSize = 500,
            };
            var referrals = await call.Hub.ListAllAsync(ReferralsServiceMethods.ListReferrals, request, page => page.Referrals, call.CancellationToken).ConfigureAwait(false);

            call.Output.WriteList(referrals, ReferralViews.List);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Transition(
        GlobalOptions globals, CliConsole console, string name, string description, string? needsText, Func<string, string, string, HubCommandContext, Task<Referral>> change)
    {
        var referralId = ReferralId();
        var etag = new Option<string?>("--etag") { Description = "The etag as last read; the change is refused (ABORTED) if the referral changed since", HelpName = "etag" };
        var command = new Command(name, description) { referralId, etag };
        Option<string>? text = null;
        if (needsText is not null)
        {
            text = new Option<string>(needsText) { Description = "In words the other agency reads; audited", Required = true, HelpName = "text" };
            command.Options.Add(text);
        }

        command.SetHubAction(globals, console, async call =>
        {
            var referral = await change(
                call.ParseResult.GetRequiredValue(referralId),
                text is null ? string.Empty : call.ParseResult.GetRequiredValue(text),
                call.ParseResult.GetValue(etag) ?? string.Empty,
                call).ConfigureAwait(false);
            call.Output.WriteObject(referral, ReferralViews.Detail);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Argument<string> ReferralId() => new("referral-id") { Description = "The referral id" };
}
