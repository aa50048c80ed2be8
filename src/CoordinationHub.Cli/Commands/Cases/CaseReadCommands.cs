using System.CommandLine;
using CoordinationHub.Cli.Commands.Admin;
using CoordinationHub.Cli.Connection;
using CoordinationHub.Contracts.V1;

namespace CoordinationHub.Cli.Commands.Cases;

/// <summary>
/// <c>hubctl cases get|list|search|history</c>: reads. Every read of case data names a purpose, and
/// the hub returns the view that purpose, your claims and the family's consent allow; each read is audited.
/// </summary>
internal static class CaseReadCommands
{
    private const string PurposeHelp = "Why you read (required; audited, and it decides what you see)";

    public static Command Get(GlobalOptions globals, CliConsole console)
    {
        var caseId = CaseId();
        var purpose = Purpose();
        var command = new Command("get", "Show one case as you may see it for --purpose, with what was withheld and why (CasesService/GetCase; needs cases.read).") { caseId, purpose };
        command.SetHubAction(globals, console, async call =>
        {
            var found = await call.Hub.UnaryAsync(
                CasesServiceMethods.GetCase,
                new GetCaseRequest { CaseId = call.ParseResult.GetRequiredValue(caseId), Purpose = call.ParseResult.Read(purpose, AgencyVocabulary.Purposes) },
                call.CancellationToken).ConfigureAwait(false);
            call.Output.WriteObject(found, CaseViews.CaseDetail);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command List(GlobalOptions globals, CliConsole console)
    {
        var purpose = Purpose();
        var status = EnumOptions.Create("--status", CaseVocabulary.Statuses, "Only cases in this status");
        var reporter = new Option<string?>("--reported-by") { Description = "Only cases this agency reported", HelpName = "agency-id" };
        var limit = new Option<int>("--limit") { Description = "At most this many cases, newest first", DefaultValueFactory = _ => 100, HelpName = "n" };
        var command = new Command("list", "List the cases you may see, newest first (CasesService/ListCases, page by page; needs cases.read).") { purpose, status, reporter, limit };
        command.SetHubAction(globals, console, async call =>
        {
            var wanted = Math.Max(1, call.ParseResult.GetValue(limit));
            var request = new ListCasesRequest
            {
                Purpose = call.ParseResult.Read(purpose, AgencyVocabulary.Purposes),
                Status = call.ParseResult.Read(status, CaseVocabulary.Statuses),
                ReportingAgencyId = call.ParseResult.GetValue(reporter) ?? string.Empty,
                PageSize = Math.Min(wanted, 500),
            };
            var cases = new List<Case>();
            do
            {
                var page = await call.Hub.UnaryAsync(CasesServiceMethods.ListCases, request, call.CancellationToken).ConfigureAwait(false);
                cases.AddRange(page.Cases);
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0 && cases.Count < wanted);

            call.Output.WriteList(cases.Take(wanted).ToList(), CaseViews.CaseList);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Search(GlobalOptions globals, CliConsole console)
    {
        var purpose = Purpose();
        var name = new Option<string>("--name") { Description = "A name in any script or transliteration", Required = true, HelpName = "text" };
        var born = new Option<string?>("--born") { Description = "Date of birth as far as known: YYYY, YYYY-MM or YYYY-MM-DD", HelpName = "date" };
        var place = new Option<string?>("--place") { Description = "Place last seen", HelpName = "text" };
        var command = new Command(
            "search",
            "Find cases that may be a person, best first, across Arabic and Latin spellings (CasesService/SearchCases; needs cases.read). " +
            "Only cases you may see are returned.")
        { purpose, name, born, place };
        command.SetHubAction(globals, console, async call =>
        {
            var request = new SearchCasesRequest
            {
                Purpose = call.ParseResult.Read(purpose, AgencyVocabulary.Purposes),
                Name = call.ParseResult.GetRequiredValue(name),
                Place = call.ParseResult.GetValue(place) ?? string.Empty,
            };
            if (call.ParseResult.GetValue(born) is { } birth)
            {
                request.DateOfBirth = PartialDates.Parse(birth, "--born");
            }

            var response = await call.Hub.UnaryAsync(CasesServiceMethods.SearchCases, request, call.CancellationToken).ConfigureAwait(false);
            call.Output.WriteList(response.Results, CaseViews.SearchResults);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command History(GlobalOptions globals, CliConsole console)
    {
        var caseId = CaseId();
        var command = new Command("history", "List what happened to a case, oldest first: reports, updates, flags, merges (CasesService/ListCaseHistory; needs cases.read).") { caseId };
        command.SetHubAction(globals, console, async call =>
        {
            var request = new ListCaseHistoryRequest { CaseId = call.ParseResult.GetRequiredValue(caseId), PageSize = 1000 };
            var events = await call.Hub.ListAllAsync(CasesServiceMethods.ListCaseHistory, request, page => page.Events, call.CancellationToken).ConfigureAwait(false);

            call.Output.WriteList(events, CaseViews.History);
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static Argument<string> CaseId() => new("case-id") { Description = "The hub case id" };

    internal static Option<string?> Purpose() => EnumOptions.Create("--purpose", AgencyVocabulary.Purposes, PurposeHelp, required: true);
}
