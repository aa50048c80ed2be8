using System.CommandLine;
using CoordinationHub.Cli.Connection;
using CoordinationHub.Contracts.V1;

namespace CoordinationHub.Cli.Commands.Admin;

/// <summary><c>hubctl admin agencies suspend</c>, <c>reinstate</c> and <c>revoke</c>: whether an agency may connect at all.</summary>
internal static class AgencyStatusCommands
{
    public static Command Suspend(GlobalOptions globals, CliConsole console) => Create(
        globals, console, "suspend", "suspended",
        "Suspend an agency: from its next call (within 1 s on every hub replica) every call and token request of its certificates is refused with " +
        "PERMISSION_DENIED, until reinstated (AgenciesService/SuspendAgency). Audited with your agency, --officer and the reason.",
        (id, reason, context) => context.Hub.UnaryAsync(AgenciesServiceMethods.SuspendAgency, new SuspendAgencyRequest { AgencyId = id, Reason = reason }, context.CancellationToken));

    public static Command Reinstate(GlobalOptions globals, CliConsole console) => Create(
        globals, console, "reinstate", "reinstated",
        "Lift an agency's suspension: its certificates are admitted again from its next call (AgenciesService/ReinstateAgency). " +
        "A revoked agency cannot be reinstated. Audited with your agency, --officer and the reason.",
        (id, reason, context) => context.Hub.UnaryAsync(AgenciesServiceMethods.ReinstateAgency, new ReinstateAgencyRequest { AgencyId = id, Reason = reason }, context.CancellationToken));

    public static Command Revoke(GlobalOptions globals, CliConsole console) => Create(
        globals, console, "revoke", "revoked",
        "Revoke an agency for good, with every certificate it holds: refused from its next call, never reinstated (AgenciesService/RevokeAgency). " +
        "Audited with your agency, --officer and the reason.",
        (id, reason, context) => context.Hub.UnaryAsync(AgenciesServiceMethods.RevokeAgency, new RevokeAgencyRequest { AgencyId = id, Reason = reason }, context.CancellationToken));

    private static Command Create(
        GlobalOptions globals, CliConsole console, string name, string participle, string description, Func<string, string, HubCommandContext, Task<Agency>> change)
    {
        var agencyId = AgencyArguments.AgencyId();
        var reason = AgencyArguments.Reason(participle);
        var command = new Command(name, description) { agencyId, reason };
        command.SetHubAction(globals, console, async context =>
        {
            var agency = await change(context.ParseResult.GetRequiredValue(agencyId), context.ParseResult.GetRequiredValue(reason), context).ConfigureAwait(false);
            context.Output.WriteObject(agency, AgencyViews.AgencyDetail);
            return ExitCodes.Ok;
        });
        return command;
    }
}
