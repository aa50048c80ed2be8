using System.CommandLine;
using CoordinationHub.Cli.Connection;
using CoordinationHub.Contracts.V1;

namespace CoordinationHub.Cli.Commands.Admin;

/// <summary><c>hubctl admin certificates enroll</c>, <c>list</c> and <c>revoke</c>: which certificates speak for an agency.</summary>
internal static class CertificateCommands
{
    public static Command Create(GlobalOptions globals, CliConsole console) =>
        new("certificates", "Enroll, list and revoke agencies' client certificates (needs agencies.admin).")
        {
            Enroll(globals, console), List(globals, console), Revoke(globals, console),
        };

    private static Command Enroll(GlobalOptions globals, CliConsole console)
    {
        var agencyId = AgencyArguments.AgencyId();
        var csr = new Option<string?>("--csr") { Description = "PEM file of a PKCS#10 request made by the agency; the hub CA signs it", HelpName = "file" };
        var certificate = new Option<string?>("--certificate") { Description = "PEM file of a certificate already issued by the hub's CA, to register as is", HelpName = "file" };
        var newKeyOut = new Option<string?>("--new-key-out") { Description = "Make a key and CSR here, have the hub CA sign it, and write DIR/AGENCY.key and DIR/AGENCY.pem", HelpName = "dir" };
        var certificateOut = new Option<string?>("--certificate-out") { Description = "With --csr: write the issued certificate to this file (default: printed after the table)", HelpName = "file" };
        var validityDays = new Option<int>("--validity-days") { Description = "Validity of a certificate the hub signs; 0 takes the hub's default (365)", HelpName = "days" };
        var command = new Command(
            "enroll",
            "Bind a client certificate to an agency (AgenciesService/EnrollCertificate): from then on it connects as that agency. Give exactly one of " +
            "--csr, --certificate or --new-key-out. Audited with your agency and --officer.")
        {
            agencyId, csr, certificate, newKeyOut, certificateOut, validityDays,
        };
        command.Validators.Add(result =>
        {
            var sources = new[] { csr, certificate, newKeyOut }.Count(option => result.GetResult(option) is not null);
            if (sources != 1)
            {
                result.AddError("give exactly one of --csr, --certificate or --new-key-out.");
            }
        });
        command.SetHubAction(globals, console, async context =>
        {
            var id = context.ParseResult.GetRequiredValue(agencyId);
            var request = new EnrollCertificateRequest { AgencyId = id, ValidityDays = context.ParseResult.GetValue(validityDays) };
            if (context.ParseResult.GetValue(newKeyOut) is { } directory)
            {
                using var keyPair = LocalKeyPair.Create(directory, id);
                request.CsrPem = keyPair.CreateSigningRequestPem(id);
                var enrolled = await context.Hub.UnaryAsync(AgenciesServiceMethods.EnrollCertificate, request, context.CancellationToken).ConfigureAwait(false);
                await keyPair.WriteAsync(enrolled.CertificatePem, context.CancellationToken).ConfigureAwait(false);
                context.Output.WriteObject(new EnrolledCertificate(enrolled, keyPair.CertificatePath, keyPair.KeyPath), EnrolledView);
                return ExitCodes.Ok;
            }

            if (context.ParseResult.GetValue(csr) is { } csrFile)
            {
                request.CsrPem = ReadPem(csrFile, "--csr");
            }
            else
            {
                request.CertificatePem = ReadPem(context.ParseResult.GetRequiredValue(certificate)!, "--certificate");
            }

            var result = await context.Hub.UnaryAsync(AgenciesServiceMethods.EnrollCertificate, request, context.CancellationToken).ConfigureAwait(false);
            var written = context.ParseResult.GetValue(certificateOut);
            if (written is not null)
            {
                await File.WriteAllTextAsync(written, result.CertificatePem, context.CancellationToken).ConfigureAwait(false);
            }

            context.Output.WriteObject(new EnrolledCertificate(result, written, null), EnrolledView);
            if (written is null && request.SourceCase == EnrollCertificateRequest.SourceOneofCase.CsrPem && context.Globals.ReadOutputFormat(context.ParseResult) == Output.OutputFormat.Table)
            {
                await context.Console.Output.WriteAsync(result.CertificatePem).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(GlobalOptions globals, CliConsole console)
    {
        var agencyId = AgencyArguments.AgencyId();
        var command = new Command("list", "List an agency's certificates, newest first, revoked ones included (AgenciesService/ListCertificates). Changes nothing.") { agencyId };
        command.SetHubAction(globals, console, async context =>
        {
            var response = await context.Hub.UnaryAsync(
                AgenciesServiceMethods.ListCertificates, new ListCertificatesRequest { AgencyId = context.ParseResult.GetRequiredValue(agencyId) }, context.CancellationToken).ConfigureAwait(false);
            context.Output.WriteList(response.Certificates, AgencyViews.CertificateList);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revoke(GlobalOptions globals, CliConsole console)
    {
        var thumbprint = new Argument<string>("thumbprint") { Description = "SHA-256 thumbprint of the certificate (64 hex digits, as admin certificates list shows)" };
        var reason = new Option<string>("--reason") { Description = "Why; required, written to the audit log", HelpName = "text", Required = true };
        var command = new Command(
            "revoke",
            "Revoke one certificate: refused from its next call on every hub replica, for good; the agency's other certificates keep working " +
            "(AgenciesService/RevokeCertificate). Audited with your agency, --officer and the reason.")
        {
            thumbprint, reason,
        };
        command.SetHubAction(globals, console, async context =>
        {
            var request = new RevokeCertificateRequest { ThumbprintSha256 = context.ParseResult.GetRequiredValue(thumbprint), Reason = context.ParseResult.GetRequiredValue(reason) };
            var revoked = await context.Hub.UnaryAsync(AgenciesServiceMethods.RevokeCertificate, request, context.CancellationToken).ConfigureAwait(false);
            context.Output.WriteObject(revoked, AgencyViews.CertificateDetail);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string ReadPem(string path, string option)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{option}: cannot read '{path}': {ex.Message}", ex);
        }
    }

    private static readonly Output.OutputView<EnrolledCertificate> EnrolledView = new(
        [
            .. AgencyViews.CertificateDetail.Columns.Select(column => new Output.OutputColumn<EnrolledCertificate>(column.Header, enrolled => column.Value(enrolled.Certificate))),
            new("Certificate file", enrolled => enrolled.CertificatePath ?? "(not written)"),
            new("Private key file", enrolled => enrolled.KeyPath ?? "(held by the agency)"),
        ],
        enrolled =>
        {
            var json = AgencyViews.CertificateDetail.ToJson(enrolled.Certificate)!.AsObject();
            json["certificatePath"] = enrolled.CertificatePath;
            json["privateKeyPath"] = enrolled.KeyPath;
            return json;
        });

    private sealed record EnrolledCertificate(AgencyCertificate Certificate, string? CertificatePath, string? KeyPath);
}
