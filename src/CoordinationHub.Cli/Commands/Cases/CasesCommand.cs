using System.CommandLine;
using CoordinationHub.Cli.Connection;

namespace CoordinationHub.Cli.Commands.Cases;

/// <summary><c>hubctl cases</c>: the central case record, as a reporting or reading agency uses it.</summary>
internal static class CasesCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console) =>
        new(
            "cases",
            "Report missing persons, read and search the cases you may see, review possible duplicates (coordination.v1.CasesService). " +
            "Every call is made with your agency's certificate and token and is audited.")
        {
            CaseReportCommand.Create(globals, console),
            CaseReadCommands.Get(globals, console),
            CaseReadCommands.List(globals, console),
            CaseReadCommands.Search(globals, console),
            CaseReadCommands.History(globals, console),
            CaseResolveCommand.Create(globals, console),
            CaseGenerateCommand.Create(globals, console),
        };
}
