using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;

namespace CoordinationHub.Cli.Commands.Audit;

/// <summary>
/// What an auditor's calls carry: a token for the certificate's agency and the acting officer,
/// so the hub's audit of the auditor names a person (ADR 0003).
/// </summary>
internal static class AuditCallOptions
{
    public static Option<string?> Officer(CliConsole console) => new("--officer")
    {
        Description = "The acting auditor, recorded in the hub's audit log [env HUBCTL_OFFICER]",
        Recursive = true,
        DefaultValueFactory = _ => console.GetEnvironmentVariable("HUBCTL_OFFICER"),
    };

    public static Option<string?> ClientId() => new("--client-id")
    {
        Description = "The agency to request the token for; default: the CN of --cert",
        Recursive = true,
    };

    public static async Task<CallOptions> ForAsync(HubCommandContext context, Option<string?> officer, Option<string?> clientId, bool withDeadline = true)
    {
        var options = context.Hub.Options;
        var agency = context.ParseResult.GetValue(clientId) ?? AgencyOf(options.CertificateFile)
            ?? throw new CliUsageException("audit commands need --cert (HUBCTL_CERT): the auditor agency's client certificate.");
        using var http = AuditHttp.Open(options);
        var token = await http.GetTokenAsync(agency, context.CancellationToken).ConfigureAwait(false);
        var headers = new Metadata { { "authorization", "Bearer " + token } };
        if (context.ParseResult.GetValue(officer) is { } name)
        {
            headers.Add("x-officer-id", name);
        }

        var call = context.Hub.CallOptions(context.CancellationToken, withDeadline);
        return new CallOptions { Headers = headers, Deadline = call.Deadline, CancellationToken = call.CancellationToken };
    }

    private static string? AgencyOf(string? certificateFile)
    {
        if (certificateFile is null)
        {
            return null;
        }

        // The hub issues CN=<agency id> (ADR 0004), so the certificate names its agency.
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(certificateFile));
        return certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
    }
}
