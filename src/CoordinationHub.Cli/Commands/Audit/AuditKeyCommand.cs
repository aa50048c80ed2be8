using System.CommandLine;
using CoordinationHub.Cli.Connection;

namespace CoordinationHub.Cli.Commands.Audit;

/// <summary><c>hubctl audit key</c>: the hub's published checkpoint public key (PEM), to keep with exports.</summary>
internal static class AuditKeyCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var command = new Command("key", "Print the hub's audit checkpoint public key (PEM), from /.well-known/audit-key.pem.");
        command.SetHubAction(globals, console, async context =>
        {
            using var http = AuditHttp.Open(context.Hub.Options);
            await context.Console.Output.WriteAsync(await http.GetCheckpointKeyPemAsync(context.CancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
