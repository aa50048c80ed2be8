using System.CommandLine;
using System.Globalization;
using CoordinationHub.Cli.Connection;
using CoordinationHub.Cli.Output;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using CoordinationHub.Rpc.Health;
using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace CoordinationHub.Cli.Commands;

/// <summary><c>hubctl health</c>: grpc.health.v1.Health Check, or Watch with <c>--watch</c>. Exit 0 only when SERVING.</summary>
internal static class HealthCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var service = new Option<string>("--service")
        {
            Description = "Service to check, for example coordination.v1.HubInfoService; default: the hub as a whole",
            HelpName = "name",
            DefaultValueFactory = _ => string.Empty,
        };
        var watch = new Option<bool>("--watch")
        {
            Description = "Print the status, then every change, until interrupted (or until --timeout, when given)",
        };
        var command = new Command("health", "Check the serving status of the hub or of one service (grpc.health.v1.Health).") { service, watch };
        command.SetHubAction(globals, console, context =>
        {
            var request = new HealthCheckRequest { Service = context.ParseResult.GetValue(service) ?? string.Empty };
            return context.ParseResult.GetValue(watch) ? WatchAsync(context, request) : CheckAsync(context, request);
        });
        return command;
    }

    private static async Task<int> CheckAsync(HubCommandContext context, HealthCheckRequest request)
    {
        var response = await context.Hub.Channel.UnaryAsync(
            HealthServiceMethods.Check, request, context.Hub.CallOptions(context.CancellationToken)).ConfigureAwait(false);
        context.Output.WriteObject(new HealthStatus(request.Service, response), CheckView);
        return ExitCodeOf(response.Status);
    }

    private static async Task<int> WatchAsync(HubCommandContext context, HealthCheckRequest request)
    {
        // A watch lasts until interrupted; the default deadline would cut it after ten seconds.
        var withDeadline = context.Globals.TimeoutGiven(context.ParseResult);
        using var call = context.Hub.Channel.AsyncServerStreamingCall(
            HealthServiceMethods.Watch, request, context.Hub.CallOptions(context.CancellationToken, withDeadline));
        var last = ServingStatus.Unknown;
        try
        {
            await foreach (var response in call.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                last = response.Status;
                context.Output.WriteEvent(new HealthStatus(request.Service, response), WatchView);
            }
        }
        catch (RpcException ex) when (IsRequestedEnd(ex, withDeadline, context.CancellationToken))
        {
            // The user's deadline or Ctrl+C ends a watch as asked; the exit code is the last status seen.
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
        }

        return ExitCodeOf(last);
    }

    private static bool IsRequestedEnd(RpcException ex, bool withDeadline, CancellationToken cancellationToken) =>
        (ex.StatusCode == StatusCode.DeadlineExceeded && withDeadline) ||
        (ex.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested);

    private static int ExitCodeOf(ServingStatus status) => status == ServingStatus.Serving ? ExitCodes.Ok : ExitCodes.NotServing;

    /// <summary>The status as the proto names it (SERVING, NOT_SERVING, SERVICE_UNKNOWN), as JSON prints it too.</summary>
    private static string StatusName(ServingStatus status) =>
        HealthCheckResponse.Descriptor.FindFieldByNumber(HealthCheckResponse.StatusFieldNumber).EnumType.FindValueByNumber((int)status)?.Name
        ?? ((int)status).ToString(CultureInfo.InvariantCulture);

    private static string ServiceLabel(string service) => service.Length == 0 ? "(hub)" : service;

    private static readonly OutputView<HealthStatus> CheckView = new(
        [
            new("Service", health => ServiceLabel(health.Service)),
            new("Status", health => StatusName(health.Response.Status)),
        ],
        health => ToJson(health));

    private static readonly OutputView<HealthStatus> WatchView = new(
        [
            new("time", _ => DateTimeOffset.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)),
            new("service", health => ServiceLabel(health.Service)),
            new("status", health => StatusName(health.Response.Status)),
        ],
        health => ToJson(health));

    private static System.Text.Json.Nodes.JsonObject ToJson(HealthStatus health)
    {
        var json = ProtoJson.ToJson(health.Response);
        json.Insert(0, "service", health.Service);
        return json;
    }

    private sealed record HealthStatus(string Service, HealthCheckResponse Response);
}
