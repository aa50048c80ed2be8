using System.CommandLine;
using CoordinationHub.Cli.Connection;

namespace CoordinationHub.Cli.Commands.Audit;

/// <summary>
/// <c>hubctl audit key</c>: the hub's published checkpoint public keys (PEM), to keep with exports:
/// the current key first, then those it signed with before a rotation.
/// </summary>
internal static class AuditKeyCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var command = new Command("key", "Print the hub's audit checkpoint public keys (PEM; current first, then earlier ones), from /.well-known/audit-keys.pem.");
        command.SetHubAction(globals, console, async context =>
        {
            using var http = AuditHttp.Open(context.Hub.Options);
            await context.Console.Output.WriteAsync(await http.GetTrustedKeysPemAsync(context.CancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
