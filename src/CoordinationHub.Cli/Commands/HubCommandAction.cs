using System.CommandLine;
using CoordinationHub.Cli.Connection;
using CoordinationHub.Cli.Output;
using CoordinationHub.Rpc;

namespace CoordinationHub.Cli.Commands;

/// <summary>
/// Runs a command that talks to the hub: opens the connection, picks the renderer, and turns every
/// failure into its documented exit code, so each command only says what it asks and shows.
/// </summary>
internal static class HubCommandAction
{
    public static void SetHubAction(this Command command, GlobalOptions globals, CliConsole console, Func<HubCommandContext, Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = globals.ReadConnection(parseResult);
            try
            {
                using var hub = HubConnection.Open(options);
                var output = OutputRenderers.Create(globals.ReadOutputFormat(parseResult), console);
                return await run(new HubCommandContext(parseResult, globals, hub, output, console, cancellationToken)).ConfigureAwait(false);
            }
            catch (CliUsageException ex)
            {
                await console.Error.WriteLineAsync($"hubctl: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            catch (RpcException ex)
            {
                var failure = RpcFailure.Describe(ex, options.Hub);
                await console.Error.WriteLineAsync(failure.Message).ConfigureAwait(false);
                return failure.ExitCode;
            }
        });
    }
}
