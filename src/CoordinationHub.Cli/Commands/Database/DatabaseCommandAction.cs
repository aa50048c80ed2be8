using System.CommandLine;
using System.Data.Common;
using CoordinationHub.Cli.Connection;
using CoordinationHub.Cli.Output;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Trust;

namespace CoordinationHub.Cli.Commands.Database;

/// <summary>
/// Runs a command on the hub host, straight on the hub's database (<c>db migrate</c>,
/// <c>admin bootstrap</c>): opens it from <c>--connection</c> and turns failures into exit codes.
/// These are the only commands that bypass the hub, because they are how a hub comes to exist.
/// </summary>
internal static class DatabaseCommandAction
{
    public const string ConnectionVariable = "HUBCTL_DB";

    public static Option<string?> CreateConnectionOption(CliConsole console) => new("--connection")
    {
        Description = $"Npgsql connection string of the hub's PostgreSQL database, for example Host=db;Database=hub;Username=hub [env {ConnectionVariable}]",
        HelpName = "connection-string",
        DefaultValueFactory = _ => console.GetEnvironmentVariable(ConnectionVariable),
    };

    public static void SetDatabaseAction(
        this Command command, GlobalOptions globals, CliConsole console, Option<string?> connection, Func<DatabaseCommandContext, Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                var connectionString = parseResult.GetValue(connection)
                    ?? throw new CliUsageException($"--connection (or {ConnectionVariable}) is required: this command works on the hub's database directly.");
                var db = OpenDatabase(connectionString);
                await using (db.ConfigureAwait(false))
                {
                    var output = OutputRenderers.Create(globals.ReadOutputFormat(parseResult), console);
                    return await run(new DatabaseCommandContext(parseResult, db, output, cancellationToken)).ConfigureAwait(false);
                }
            }
            catch (CliUsageException ex)
            {
                await console.Error.WriteLineAsync($"hubctl: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            catch (BootstrapRefusedException ex)
            {
                await console.Error.WriteLineAsync($"hubctl: bootstrap refused: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.BootstrapRefused;
            }
            catch (Exception ex) when (FindDatabaseError(ex) is { } database)
            {
                await console.Error.WriteLineAsync($"hubctl: database: {database.Message}").ConfigureAwait(false);
                return ExitCodes.DatabaseError;
            }
        });
    }

    private static HubDbContext OpenDatabase(string connectionString)
    {
        try
        {
            return HubDatabase.Open(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new CliUsageException($"--connection: not a valid connection string: {ex.Message}", ex);
        }
    }

    // EF Core wraps some provider errors (InvalidOperationException, DbUpdateException); the
    // operator needs the database's own words ("connection refused", "database does not exist").
    private static DbException? FindDatabaseError(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException database)
            {
                return database;
            }
        }

        return null;
    }
}
