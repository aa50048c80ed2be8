using System.CommandLine;
using System.CommandLine.Invocation;

namespace CoordinationHub.Cli;

/// <summary>The standard help, followed by the exit codes: scripts need them and they belong where users look.</summary>
internal sealed class ExitCodesHelpAction(SynchronousCommandLineAction standardHelp) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var result = standardHelp.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine("Exit codes:");
        foreach (var (code, meaning) in ExitCodes.Documented)
        {
            output.WriteLine($"  {code}  {meaning}");
        }

        output.WriteLine();
        return result;
    }
}
