using System.CommandLine;
using CoordinationHub.Cli.Connection;

namespace CoordinationHub.Cli.Commands.Admin;

/// <summary><c>hubctl admin</c>: the hub's administration, as the agency holding agencies.admin.</summary>
internal static class AdminCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console) =>
        new(
            "admin",
            "Administer the hub's agencies and certificates. bootstrap runs on the hub host with the database; every other command calls " +
            "coordination.v1.AgenciesService with --cert/--key of an agency holding agencies.admin, and every change is audited.")
        {
            BootstrapCommand.Create(globals, console),
            new Command("agencies", "Register agencies, change their claims, suspend, reinstate or revoke them (needs agencies.admin).")
            {
                AgencyQueryCommands.List(globals, console),
                AgencyQueryCommands.Get(globals, console),
                AgencyChangeCommands.Register(globals, console),
                AgencyChangeCommands.UpdateClaims(globals, console),
                AgencyStatusCommands.Suspend(globals, console),
                AgencyStatusCommands.Reinstate(globals, console),
                AgencyStatusCommands.Revoke(globals, console),
            },
            CertificateCommands.Create(globals, console),
        };
}
