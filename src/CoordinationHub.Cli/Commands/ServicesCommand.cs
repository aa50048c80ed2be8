using System.CommandLine;
using System.Text.Json.Nodes;
using CoordinationHub.Cli.Connection;
using CoordinationHub.Cli.Output;
using CoordinationHub.Cli.Reflection;

namespace CoordinationHub.Cli.Commands;

/// <summary><c>hubctl services</c>: what the hub serves, from grpc.reflection.v1; no .proto file needed.</summary>
internal static class ServicesCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var methods = new Option<bool>("--methods") { Description = "Also list each service's methods with their request and response types" };
        var command = new Command("services", "List the services the hub serves (grpc.reflection.v1).") { methods };
        command.SetHubAction(globals, console, async context =>
        {
            var withMethods = context.ParseResult.GetValue(methods);
            var session = ServerReflectionSession.Open(context.Hub, context.CancellationToken);
            await using (session.ConfigureAwait(false))
            {
                var services = await ServiceCatalog.DescribeAsync(session, withMethods).ConfigureAwait(false);
                context.Output.WriteList(services, withMethods ? MethodsView : NamesView);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static readonly OutputView<ServiceDescription> NamesView = new(
        [new("Service", service => service.Name)],
        service => new JsonObject { ["name"] = service.Name });

    // One row per service, one line per method inside it: the service name is not repeated and
    // types in the service's own package are shortened; JSON keeps every name fully qualified.
    private static readonly OutputView<ServiceDescription> MethodsView = new(
        [
            new("Service", service => service.Name),
            new("Method", service => Lines(service, method => method.Name)),
            new("Kind", service => Lines(service, method => method.Kind)),
            new("Request -> Response", service => Lines(service, method => $"{Shorten(service, method.RequestType)} -> {Shorten(service, method.ResponseType)}")),
        ],
        service => new JsonObject
        {
            ["name"] = service.Name,
            ["methods"] = new JsonArray([.. (service.Methods ?? []).Select(method => (JsonNode)new JsonObject
            {
                ["name"] = method.Name,
                ["kind"] = method.Kind,
                ["requestType"] = method.RequestType,
                ["responseType"] = method.ResponseType,
            })]),
        });

    private static string Lines(ServiceDescription service, Func<MethodDescription, string> select) =>
        string.Join('\n', (service.Methods ?? []).Select(select));

    private static string Shorten(ServiceDescription service, string type)
    {
        var package = service.Name[..(service.Name.LastIndexOf('.') + 1)];
        return package.Length > 0 && type.StartsWith(package, StringComparison.Ordinal) ? type[package.Length..] : type;
    }
}
