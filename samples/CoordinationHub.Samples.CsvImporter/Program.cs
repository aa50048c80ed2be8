using CoordinationHub.Samples.CsvImporter;
using Spectre.Console;

return await ImporterCommand.Create(AnsiConsole.Console).Parse(args).InvokeAsync();
