using System.CommandLine;
using CoordinationHub.Cli.Connection;

namespace CoordinationHub.Cli.Commands.Audit;

/// <summary><c>hubctl audit …</c>: what auditors do with the access log (coordination.v1.AuditService and offline verification).</summary>
internal static class AuditCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var officer = AuditCallOptions.Officer(console);
        var clientId = AuditCallOptions.ClientId();
        var command = new Command("audit", "Review the hub's access log: query, export, verify (scope audit.read).") { officer, clientId };
        command.Subcommands.Add(AuditQueryCommand.Create(globals, console, officer, clientId));
        command.Subcommands.Add(AuditExportCommand.Create(globals, console, officer, clientId));
        command.Subcommands.Add(AuditVerifyCommand.Create(globals, console, officer, clientId));
        command.Subcommands.Add(AuditKeyCommand.Create(globals, console));
        return command;
    }
}
