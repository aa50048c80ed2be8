using System.Security.Cryptography;
using CoordinationHub.Server.Security;
using Microsoft.Extensions.Options;

namespace CoordinationHub.Server.Hosting;

/// <summary>
/// Checks the TLS files exist and the hub CA is readable, and refuses the development CA in
/// Production: a hub that trusted the dev CA would admit anyone holding a key from any
/// developer's <c>certs-dev/out/</c>.
/// </summary>
internal sealed class HubTlsOptionsValidator(IHostEnvironment environment) : IValidateOptions<HubTlsOptions>
{
    public ValidateOptionsResult Validate(string? name, HubTlsOptions options)
    {
        var failures = new List<string>();
        Require(failures, options.CertificatePath, "Hub:Tls:CertificatePath");
        Require(failures, options.PrivateKeyPath, "Hub:Tls:PrivateKeyPath");
        if (Require(failures, options.ClientCaPath, "Hub:Tls:ClientCaPath"))
        {
            CheckClientCa(failures, options.ClientCaPath, environment.IsProduction());
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool Require(List<string> failures, string path, string key)
    {
        if (!string.IsNullOrEmpty(path) && File.Exists(path))
        {
            return true;
        }

        failures.Add($"{key} does not name an existing PEM file ('{path}').");
        return false;
    }

    private static void CheckClientCa(List<string> failures, string path, bool production)
    {
        try
        {
            if (production && ClientCaFile.IsDevelopmentCa(path))
            {
                failures.Add(
                    $"Hub:Tls:ClientCaPath ({path}) is the development CA ('{ClientCaFile.DevelopmentRootName}' from certs-dev/). " +
                    "A Production hub refuses to start on it: configure this deployment's own hub CA (see docs/operations.md).");
            }
            else
            {
                ClientCaFile.Load(path);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or CryptographicException)
        {
            failures.Add($"Hub:Tls:ClientCaPath ({path}) cannot be read as PEM certificates: {exception.Message}");
        }
    }
}
