using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using CoordinationHub.Cli.Commands;
using CoordinationHub.Cli.Commands.Admin;
using CoordinationHub.Cli.Commands.Database;
using CoordinationHub.Cli.Connection;

namespace CoordinationHub.Cli;

/// <summary>The hubctl command tree and its entry point.</summary>
internal static class HubCtl
{
    public static RootCommand CreateRootCommand(CliConsole console)
    {
        var globals = new GlobalOptions(console);
        var root = new RootCommand("hubctl: operate and administer a CoordinationHub over gRPC with mutual TLS.");
        globals.AddTo(root);
        root.Subcommands.Add(HealthCommand.Create(globals, console));
        root.Subcommands.Add(ServicesCommand.Create(globals, console));
        root.Subcommands.Add(InfoCommand.Create(globals, console));
        root.Subcommands.Add(TokenCommand.Create(globals, console));
        root.Subcommands.Add(Commands.Cases.CasesCommand.Create(globals, console));
        root.Subcommands.Add(Commands.Referrals.ReferralCommands.Create(globals, console));
        root.Subcommands.Add(Commands.Consents.ConsentCommands.Create(globals, console));
        root.Subcommands.Add(Commands.Consents.AuthorisationCommands.Create(globals, console));
        root.Subcommands.Add(Commands.Identifications.IdentificationCommands.Create(globals, console));
        root.Subcommands.Add(Commands.Notifications.NotificationCommands.Create(globals, console));
        root.Subcommands.Add(AdminCommand.Create(globals, console));
        root.Subcommands.Add(DatabaseCommand.Create(globals, console));
        root.Subcommands.Add(Commands.Audit.AuditCommand.Create(globals, console));

        var help = root.Options.OfType<HelpOption>().Single();
        if (help.Action is SynchronousCommandLineAction standardHelp)
        {
            help.Action = new ExitCodesHelpAction(standardHelp);
        }

        return root;
    }

    public static Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(console);
        var configuration = new InvocationConfiguration { Output = console.Output, Error = console.Error };
        return CreateRootCommand(console).Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
