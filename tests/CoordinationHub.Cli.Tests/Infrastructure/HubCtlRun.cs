namespace CoordinationHub.Cli.Tests.Infrastructure;

/// <summary>One hubctl invocation, run in-process, with what it printed and how it exited.</summary>
public sealed record HubCtlRun(int ExitCode, string Output, string Error)
{
    /// <summary>
    /// Runs hubctl with <paramref name="args"/> and only the environment variables given: the
    /// test's own environment never leaks in.
    /// </summary>
    public static async Task<HubCtlRun> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, name => environment?.GetValueOrDefault(name), isTerminal: false);
        var exitCode = await HubCtl.RunAsync(args, console);
        return new HubCtlRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs hubctl against <paramref name="hub"/>, trusting its CA, as its operator agency (no scopes).</summary>
    public static Task<HubCtlRun> AgainstAsync(CliHubTestHost hub, params string[] args) => AsAsync(hub, hub.Operator, args);

    /// <summary>Runs hubctl against <paramref name="hub"/> with the certificate of <paramref name="agency"/>.</summary>
    public static Task<HubCtlRun> AsAsync(CliHubTestHost hub, AgencyFiles agency, params string[] args) =>
        RunAsync(null, ["--hub", hub.Address.ToString(), "--ca", hub.ClientCaPath, .. agency.Arguments, .. args]);

    /// <summary>Runs hubctl against <paramref name="hub"/> trusting its CA, without a client certificate.</summary>
    public static Task<HubCtlRun> WithoutCertificateAsync(CliHubTestHost hub, params string[] args) =>
        RunAsync(null, ["--hub", hub.Address.ToString(), "--ca", hub.ClientCaPath, .. args]);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}--- stderr\n{Error}";
}
