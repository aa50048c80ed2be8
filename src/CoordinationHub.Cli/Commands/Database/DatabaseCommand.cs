using System.CommandLine;
using System.Text.Json.Nodes;
using CoordinationHub.Cli.Connection;
using CoordinationHub.Cli.Output;
using CoordinationHub.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Cli.Commands.Database;

/// <summary><c>hubctl db migrate</c>: applies the hub's pending schema migrations, on the hub host.</summary>
internal static class DatabaseCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var connection = DatabaseCommandAction.CreateConnectionOption(console);
        var migrate = new Command(
            "migrate",
            "Apply the hub's pending schema migrations to its database (the hub also does this when it starts). " +
            "Changes the schema only, never data; safe to repeat and to run while replicas start (PostgreSQL serialises migrations).")
        {
            connection,
        };
        migrate.SetDatabaseAction(globals, console, connection, MigrateAsync);
        return new Command("db", "Work on the hub's database directly; run on the hub host with its connection string.") { migrate };
    }

    private static async Task<int> MigrateAsync(DatabaseCommandContext context)
    {
        var pending = (await context.Db.Database.GetPendingMigrationsAsync(context.CancellationToken).ConfigureAwait(false)).ToList();
        await HubDatabase.MigrateAsync(context.Db, context.CancellationToken).ConfigureAwait(false);
        var applied = (await context.Db.Database.GetAppliedMigrationsAsync(context.CancellationToken).ConfigureAwait(false)).ToList();
        context.Output.WriteList([.. applied.Select(name => new MigrationRow(name, pending.Contains(name)))], View);
        return ExitCodes.Ok;
    }

    private static readonly OutputView<MigrationRow> View = new(
        [
            new("Migration", row => row.Name),
            new("Status", row => row.AppliedNow ? "applied now" : "already applied"),
        ],
        row => new JsonObject { ["migration"] = row.Name, ["appliedNow"] = row.AppliedNow });

    private sealed record MigrationRow(string Name, bool AppliedNow);
}
