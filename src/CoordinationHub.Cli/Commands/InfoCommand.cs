using System.CommandLine;
using System.Globalization;
using CoordinationHub.Cli.Connection;
using CoordinationHub.Cli.Output;
using CoordinationHub.Contracts.V1;

namespace CoordinationHub.Cli.Commands;

/// <summary><c>hubctl info</c>: which hub answered, its version and its clock (coordination.v1.HubInfoService/GetHubInfo).</summary>
internal static class InfoCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var command = new Command("info", "Show the hub's name, version, clock and API versions (HubInfoService/GetHubInfo). Needs --cert/--key of a registered, active agency: hubctl fetches a token for it first, as an adapter does.");
        command.SetHubAction(globals, console, RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(HubCommandContext context)
    {
        var response = await context.Hub.UnaryAsync(HubInfoServiceMethods.GetHubInfo, new GetHubInfoRequest(), context.CancellationToken).ConfigureAwait(false);
        // Measured on arrival: the skew between the clocks is what breaks short-lived tokens.
        var offset = response.ServerTime is null ? (TimeSpan?)null : response.ServerTime.ToDateTimeOffset() - DateTimeOffset.UtcNow;
        context.Output.WriteObject(new HubInfo(context.Hub.Address, response, offset), View);
        return ExitCodes.Ok;
    }

    private static readonly OutputView<HubInfo> View = new(
        [
            new("Hub", info => info.Address.ToString()),
            new("Name", info => info.Response.HubName),
            new("Version", info => info.Response.Version),
            new("Server time", info => info.Response.ServerTime?.ToDateTimeOffset().ToString("u", CultureInfo.InvariantCulture) ?? "(not sent)"),
            new("Clock offset", info => info.ClockOffset is { } offset ? FormatOffset(offset) : "(unknown)"),
            new("API versions", info => string.Join(", ", info.Response.ApiVersions)),
        ],
        info => ProtoJson.ToJson(info.Response));

    private static string FormatOffset(TimeSpan offset) =>
        string.Create(CultureInfo.InvariantCulture, $"{offset.TotalSeconds:+0.000;-0.000} s (hub minus this machine, including the call's latency)");

    private sealed record HubInfo(Uri Address, GetHubInfoResponse Response, TimeSpan? ClockOffset);
}
