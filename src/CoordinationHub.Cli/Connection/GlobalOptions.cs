using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using CoordinationHub.Cli.Output;

namespace CoordinationHub.Cli.Connection;

/// <summary>
/// The options every command takes (how to reach the hub, how to print), each defaulting to an
/// environment variable so that a shell or a deployment sets them once.
/// </summary>
internal sealed class GlobalOptions
{
    public const string DefaultHub = "https://localhost:7443";

    public GlobalOptions(CliConsole console)
    {
        Hub = new Option<Uri>("--hub")
        {
            Description = "Address of the hub [env HUBCTL_HUB]",
            HelpName = "uri",
            Recursive = true,
            CustomParser = result => ParseHub(result, result.Tokens[0].Value, "--hub"),
            DefaultValueFactory = result => ParseHub(result, console.GetEnvironmentVariable("HUBCTL_HUB") ?? DefaultHub, "HUBCTL_HUB"),
        };
        Ca = FileOption("--ca", "PEM file of the CA roots the hub's certificate must chain to; default: the system store [env HUBCTL_CA]", "HUBCTL_CA", console);
        Cert = FileOption("--cert", "PEM file of this client's certificate, for mutual TLS [env HUBCTL_CERT]", "HUBCTL_CERT", console);
        Key = FileOption("--key", "PEM file of the client certificate's private key, when not in --cert [env HUBCTL_KEY]", "HUBCTL_KEY", console);
        Agency = TextOption("--agency", "Agency the client certificate is registered to, sent as client_id for tokens; default: the certificate's common name [env HUBCTL_AGENCY]", "id", "HUBCTL_AGENCY", console);
        Officer = TextOption("--officer", "Officer acting through hubctl, sent as x-officer-id and named in the hub's audit log [env HUBCTL_OFFICER]", "id", "HUBCTL_OFFICER", console);
        Output = new Option<string>("--output", "-o")
        {
            Description = "How results are printed",
            Recursive = true,
            DefaultValueFactory = _ => "table",
        };
        Output.AcceptOnlyFromAmong("table", "json");
        Timeout = new Option<double>("--timeout")
        {
            Description = "Deadline of each call, in seconds",
            HelpName = "seconds",
            Recursive = true,
            DefaultValueFactory = _ => 10,
        };
        Timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is var seconds && (seconds <= 0 || seconds > TimeSpan.MaxValue.TotalSeconds / 2))
            {
                result.AddError($"--timeout must be a positive number of seconds, not {seconds.ToString(CultureInfo.InvariantCulture)}.");
            }
        });
    }

    public Option<Uri> Hub { get; }

    public Option<string?> Ca { get; }

    public Option<string?> Cert { get; }

    public Option<string?> Key { get; }

    public Option<string?> Agency { get; }

    public Option<string?> Officer { get; }

    public Option<string> Output { get; }

    public Option<double> Timeout { get; }

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Hub);
        root.Options.Add(Ca);
        root.Options.Add(Cert);
        root.Options.Add(Key);
        root.Options.Add(Agency);
        root.Options.Add(Officer);
        root.Options.Add(Output);
        root.Options.Add(Timeout);
    }

    public HubConnectionOptions ReadConnection(ParseResult parseResult) => new(
        parseResult.GetRequiredValue(Hub),
        parseResult.GetValue(Ca),
        parseResult.GetValue(Cert),
        parseResult.GetValue(Key),
        TimeSpan.FromSeconds(parseResult.GetValue(Timeout)),
        parseResult.GetValue(Agency),
        parseResult.GetValue(Officer));

    /// <summary>The officer to name in the audit of a command run on the hub host: --officer, else the operating-system user.</summary>
    public string OperatorName(ParseResult parseResult) => parseResult.GetValue(Officer) ?? Environment.UserName;

    public OutputFormat ReadOutputFormat(ParseResult parseResult) =>
        parseResult.GetValue(Output) == "json" ? OutputFormat.Json : OutputFormat.Table;

    /// <summary>True when <c>--timeout</c> was given on the command line rather than defaulted.</summary>
    public bool TimeoutGiven(ParseResult parseResult) => parseResult.GetResult(Timeout) is { Implicit: false };

    private static Option<string?> TextOption(string name, string description, string helpName, string variable, CliConsole console) => new(name)
    {
        Description = description,
        HelpName = helpName,
        Recursive = true,
        DefaultValueFactory = _ => console.GetEnvironmentVariable(variable),
    };

    private static Option<string?> FileOption(string name, string description, string variable, CliConsole console) => new(name)
    {
        Description = description,
        HelpName = "pem",
        Recursive = true,
        DefaultValueFactory = _ => console.GetEnvironmentVariable(variable),
    };

    private static Uri ParseHub(ArgumentResult result, string value, string source)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return uri;
        }

        result.AddError($"{source}: '{value}' is not an absolute https:// (or http://) address.");
        return new Uri(DefaultHub);
    }
}
