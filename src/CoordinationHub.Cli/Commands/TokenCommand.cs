using System.CommandLine;
using System.Text.Json.Nodes;
using CoordinationHub.Cli.Connection;
using CoordinationHub.Cli.Output;

namespace CoordinationHub.Cli.Commands;

/// <summary>
/// <c>hubctl token</c>: an access token for the agency of <c>--cert</c>, for tools that do not
/// fetch their own (buf curl -H "authorization: Bearer $(hubctl token)").
/// </summary>
internal static class TokenCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var command = new Command(
            "token",
            "Print an access token for the agency of --cert (POST /connect/token, client credentials over mutual TLS). " +
            "The token is bound to that certificate: it is only accepted on connections presenting it. Issuing it is audited.");
        command.SetHubAction(globals, console, async context =>
        {
            var token = await context.Hub.GetTokenAsync(context.CancellationToken).ConfigureAwait(false);
            if (context.Globals.ReadOutputFormat(context.ParseResult) == OutputFormat.Json)
            {
                context.Output.WriteObject(token, JsonView);
            }
            else
            {
                // Bare, so that $(hubctl token) is the token and nothing else.
                await context.Console.Output.WriteLineAsync(token).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static readonly OutputView<string> JsonView = new(
        [new("Access token", token => token)],
        token => new JsonObject { ["access_token"] = token, ["token_type"] = "Bearer" });
}
