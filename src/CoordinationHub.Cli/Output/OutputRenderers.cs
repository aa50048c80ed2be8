using Spectre.Console;

namespace CoordinationHub.Cli.Output;

/// <summary>Makes the renderer for <c>--output</c>.</summary>
internal static class OutputRenderers
{
    // Tables written to a pipe or a file are read later, often in a wide pager: no colour, and no
    // wrapping at an 80-column default that would break long type names.
    private const int RedirectedWidth = 160;

    public static IOutputRenderer Create(OutputFormat format, CliConsole console) => format switch
    {
        OutputFormat.Json => new JsonRenderer(console.Output),
        _ => new TableRenderer(CreateAnsiConsole(console)),
    };

    private static IAnsiConsole CreateAnsiConsole(CliConsole console)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Output),
            Ansi = console.IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = console.IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!console.IsTerminal)
        {
            ansi.Profile.Width = RedirectedWidth;
        }

        return ansi;
    }
}
