using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CoordinationHub.Cli.Connection;

/// <summary>Reads the PEM files named by <c>--ca</c>, <c>--cert</c> and <c>--key</c>, failing with a usage error that names the file.</summary>
internal static class PemFiles
{
    public static X509Certificate2Collection ReadTrustedRoots(string caFile)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(caFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new CliUsageException($"--ca: cannot read '{caFile}': {ex.Message}", ex);
        }

        return roots.Count > 0 ? roots : throw new CliUsageException($"--ca: '{caFile}' holds no PEM certificate.");
    }

    public static X509Certificate2 ReadClientCertificate(string certificateFile, string? keyFile)
    {
        try
        {
            using var fromPem = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
            // A PEM key is ephemeral; some TLS stacks (Windows SChannel) refuse to sign the handshake
            // with one. A PKCS#12 round trip gives a key every platform accepts.
            return X509CertificateLoader.LoadPkcs12(fromPem.Export(X509ContentType.Pkcs12), password: null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            var files = keyFile is null ? $"'{certificateFile}'" : $"'{certificateFile}' and '{keyFile}'";
            throw new CliUsageException($"--cert/--key: cannot read a certificate with its private key from {files}: {ex.Message}", ex);
        }
    }
}
