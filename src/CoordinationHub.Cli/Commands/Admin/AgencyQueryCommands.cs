using System.CommandLine;
using CoordinationHub.Cli.Connection;
using CoordinationHub.Contracts.V1;

namespace CoordinationHub.Cli.Commands.Admin;

/// <summary><c>hubctl admin agencies list</c> and <c>get</c>: read the registry; nothing changes.</summary>
internal static class AgencyQueryCommands
{
    // Pages as large as the hub allows: an operator wants the whole registry, and it is small.
    private const int PageSize = 100;

    public static Command List(GlobalOptions globals, CliConsole console)
    {
        var status = new Option<string?>("--status") { Description = $"Only agencies with this status: {string.Join(", ", AgencyVocabulary.Statuses.Names)}", HelpName = "status" };
        status.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !AgencyVocabulary.Statuses.TryParse(value, out _))
            {
                result.AddError($"--status: unknown '{value}'; known: {string.Join(", ", AgencyVocabulary.Statuses.Names)}.");
            }
        });
        var command = new Command("list", "List registered agencies with their status and claims (AgenciesService/ListAgencies, every page). Changes nothing.") { status };
        command.SetHubAction(globals, console, async context =>
        {
            var request = new ListAgenciesRequest { PageSize = PageSize };
            if (context.ParseResult.GetValue(status) is { } wanted && AgencyVocabulary.Statuses.TryParse(wanted, out var value))
            {
                request.Status = value;
            }

            var agencies = await context.Hub.ListAllAsync(AgenciesServiceMethods.ListAgencies, request, page => page.Agencies, context.CancellationToken).ConfigureAwait(false);

            context.Output.WriteList(agencies, AgencyViews.AgencyList);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Get(GlobalOptions globals, CliConsole console)
    {
        var agencyId = AgencyArguments.AgencyId();
        var command = new Command("get", "Show one agency: status and its reason, claims, times and etag (AgenciesService/GetAgency). Changes nothing.") { agencyId };
        command.SetHubAction(globals, console, async context =>
        {
            var agency = await context.Hub.UnaryAsync(
                AgenciesServiceMethods.GetAgency, new GetAgencyRequest { AgencyId = context.ParseResult.GetRequiredValue(agencyId) }, context.CancellationToken).ConfigureAwait(false);
            context.Output.WriteObject(agency, AgencyViews.AgencyDetail);
            return ExitCodes.Ok;
        });
        return command;
    }
}
