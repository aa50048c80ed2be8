using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CoordinationHub.Cli.Commands.Database;
using CoordinationHub.Cli.Connection;
using CoordinationHub.Cli.Output;
using CoordinationHub.Server.Trust;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Cli.Commands.Admin;

/// <summary>
/// <c>hubctl admin bootstrap</c>: the one way into a fresh hub. Run on the hub host with the
/// database connection and the CA key; creates the hub-admin agency and its certificate
/// (<see cref="AdminBootstrap"/>) and refuses, with exit 5, once the hub has an administrator.
/// </summary>
internal static class BootstrapCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var connection = DatabaseCommandAction.CreateConnectionOption(console);
        var caCertificate = new Option<string>("--ca-cert") { Description = "PEM file of the hub's CA certificate (Hub:CertificateAuthority:CertificatePath)", HelpName = "pem", Required = true };
        var caKey = new Option<string>("--ca-key") { Description = "PEM file of the hub CA's private key, which signs the administrator's certificate", HelpName = "pem", Required = true };
        var agencyId = new Option<string>("--agency-id") { Description = "Id of the administrator agency", HelpName = "id", DefaultValueFactory = _ => "hub-admin" };
        var output = new Option<string>("--out") { Description = "Directory for AGENCY.pem and AGENCY.key (the key readable by its owner only); never overwritten", HelpName = "dir", DefaultValueFactory = _ => "." };
        var command = new Command(
            "bootstrap",
            "Create the hub's first administrator: the agency --agency-id holding agencies.admin, and a client certificate for it signed by the hub CA, " +
            "written to --out. Run once, on the hub host, straight on the database; refused (exit 5) once any active agency holds agencies.admin. " +
            "Audited with --officer or your user name.")
        {
            connection, caCertificate, caKey, agencyId, output,
        };
        command.SetDatabaseAction(globals, console, connection, async context =>
        {
            var pending = (await context.Db.Database.GetPendingMigrationsAsync(context.CancellationToken).ConfigureAwait(false)).ToList();
            if (pending.Count > 0)
            {
                await console.Error.WriteLineAsync($"hubctl: database: not migrated ({pending.Count} pending); run hubctl db migrate first.").ConfigureAwait(false);
                return ExitCodes.DatabaseError;
            }

            using var authority = LoadAuthority(context.ParseResult.GetRequiredValue(caCertificate), context.ParseResult.GetRequiredValue(caKey));
            var result = await AdminBootstrap.RunAsync(
                context.Db, authority, context.ParseResult.GetRequiredValue(agencyId), context.ParseResult.GetRequiredValue(output),
                globals.OperatorName(context.ParseResult), TimeProvider.System, context.CancellationToken).ConfigureAwait(false);
            context.Output.WriteObject(result, View);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static HubCertificateAuthority LoadAuthority(string certificatePath, string keyPath)
    {
        try
        {
            return HubCertificateAuthority.Load(certificatePath, keyPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new CliUsageException($"--ca-cert/--ca-key: cannot read the CA with its key from '{certificatePath}' and '{keyPath}': {ex.Message}", ex);
        }
    }

    private static readonly OutputView<AdminBootstrap.Result> View = new(
        [
            new("Agency", result => result.AgencyId),
            new("Thumbprint (SHA-256)", result => result.ThumbprintSha256),
            new("Certificate", result => result.CertificatePath),
            new("Private key", result => result.PrivateKeyPath),
            new("Valid until", result => result.NotAfter.ToString("u", CultureInfo.InvariantCulture)),
            new("Next", result => $"hubctl --cert {result.CertificatePath} --key {result.PrivateKeyPath} admin agencies list"),
        ],
        result => new JsonObject
        {
            ["agencyId"] = result.AgencyId,
            ["thumbprintSha256"] = result.ThumbprintSha256,
            ["certificatePath"] = result.CertificatePath,
            ["privateKeyPath"] = result.PrivateKeyPath,
            ["notAfter"] = result.NotAfter.ToString("O", CultureInfo.InvariantCulture),
        });
}
