using CoordinationHub.Cli;

return await HubCtl.RunAsync(args, CliConsole.FromProcess());
