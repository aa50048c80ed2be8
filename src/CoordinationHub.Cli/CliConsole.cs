namespace CoordinationHub.Cli;

/// <summary>
/// Where hubctl writes and what it reads from its environment. Passed in rather than taken from
/// <see cref="Console"/> so tests run commands in-process and read exactly what a user would see.
/// </summary>
internal sealed class CliConsole(TextWriter output, TextWriter error, Func<string, string?> environment, bool isTerminal)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>True when standard output is a terminal: tables may then use colour and the window width.</summary>
    public bool IsTerminal { get; } = isTerminal;

    public static CliConsole FromProcess() =>
        new(Console.Out, Console.Error, Environment.GetEnvironmentVariable, !Console.IsOutputRedirected);

    /// <summary>The variable's value, or null when it is unset or empty.</summary>
    public string? GetEnvironmentVariable(string name) => environment(name) is { Length: > 0 } value ? value : null;
}
