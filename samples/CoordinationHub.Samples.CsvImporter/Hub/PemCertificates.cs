using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CoordinationHub.Samples.CsvImporter.Hub;

/// <summary>The agency's certificate and the hub's CA from PEM files, as the hub's administrators hand them out.</summary>
public static class PemCertificates
{
    /// <exception cref="ArgumentException">The files cannot be read as a certificate with its key.</exception>
    public static X509Certificate2 ReadClientCertificate(string certificateFile, string keyFile)
    {
        try
        {
            using var fromPem = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
            // A PEM key is ephemeral, and some TLS stacks (Windows SChannel) refuse to sign with one:
            // a PKCS#12 round trip gives a key every platform accepts.
            return X509CertificateLoader.LoadPkcs12(fromPem.Export(X509ContentType.Pkcs12), password: null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new ArgumentException($"--cert/--key: cannot read a certificate with its private key from '{certificateFile}' and '{keyFile}': {ex.Message}", ex);
        }
    }

    /// <exception cref="ArgumentException">The file holds no readable certificate.</exception>
    public static X509Certificate2Collection ReadTrustedRoots(string caFile)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(caFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new ArgumentException($"--ca: cannot read '{caFile}': {ex.Message}", ex);
        }

        return roots.Count > 0 ? roots : throw new ArgumentException($"--ca: '{caFile}' holds no PEM certificate.");
    }
}
