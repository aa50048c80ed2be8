namespace CoordinationHub.Cli.Tests.Infrastructure;

/// <summary>An agency's client certificate and key as PEM files, as hubctl takes them with --cert and --key.</summary>
public sealed record AgencyFiles(string AgencyId, string CertificatePath, string KeyPath)
{
    public string[] Arguments => ["--cert", CertificatePath, "--key", KeyPath];
}
