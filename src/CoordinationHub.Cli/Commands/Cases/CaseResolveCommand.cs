using System.CommandLine;
using CoordinationHub.Cli.Connection;
using CoordinationHub.Contracts.V1;

namespace CoordinationHub.Cli.Commands.Cases;

/// <summary>
/// <c>hubctl cases resolve</c>: settle a possible-duplicate flag. Only an agency that sees both
/// cases may; a merge keeps both reports traceable on the surviving case.
/// </summary>
internal static class CaseResolveCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var caseId = CaseReadCommands.CaseId();
        caseId.Description = "The case that survives a merge (either case, to dismiss)";
        var flag = new Option<string>("--flag") { Description = "The flag id, as 'cases get' shows it under Possible duplicates", Required = true, HelpName = "flag-id" };
        var merge = new Option<bool>("--merge") { Description = "Same person: merge the other case into <case-id>" };
        var dismiss = new Option<bool>("--dismiss") { Description = "Different people: dismiss the flag" };
        var reason = new Option<string>("--reason") { Description = "Why, for the case history and the audit log", Required = true, HelpName = "text" };
        var command = new Command(
            "resolve",
            "Merge two flagged cases or dismiss the flag (CasesService/ResolveDuplicate; needs cases.write and sight of both cases). Audited with the reason.")
        { caseId, flag, merge, dismiss, reason };
        command.Validators.Add(result =>
        {
            if (result.GetValue(merge) == result.GetValue(dismiss))
            {
                result.AddError("give exactly one of --merge or --dismiss.");
            }
        });
        command.SetHubAction(globals, console, async call =>
        {
            var request = new ResolveDuplicateRequest
            {
                CaseId = call.ParseResult.GetRequiredValue(caseId),
                FlagId = call.ParseResult.GetRequiredValue(flag),
                Resolution = call.ParseResult.GetValue(merge) ? DuplicateResolution.Merge : DuplicateResolution.Dismiss,
                Reason = call.ParseResult.GetRequiredValue(reason),
            };
            var resolved = await call.Hub.UnaryAsync(CasesServiceMethods.ResolveDuplicate, request, call.CancellationToken).ConfigureAwait(false);
            call.Output.WriteObject(resolved, CaseViews.CaseDetail);
            return ExitCodes.Ok;
        });
        return command;
    }
}
