using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CoordinationHub.Client.Internal;

/// <summary>
/// Reads an agency's certificate and the hub's roots from the files an operator is handed: PEM
/// (certificate + PKCS#8 key) or PKCS#12. A file that cannot be read fails with an
/// <see cref="ArgumentException"/> naming it, at build time rather than on the first call.
/// </summary>
internal static class CertificateFiles
{
    public static X509Certificate2 ReadPem(string certificatePath, string keyPath)
    {
        try
        {
            using var fromPem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            // A PEM key is ephemeral; some TLS stacks (Windows SChannel) refuse to sign the handshake
            // with one. A PKCS#12 round trip gives a key every platform accepts.
            return X509CertificateLoader.LoadPkcs12(fromPem.Export(X509ContentType.Pkcs12), password: null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new ArgumentException($"Cannot read a certificate with its private key from '{certificatePath}' and '{keyPath}': {ex.Message}", nameof(certificatePath), ex);
        }
    }

    public static X509Certificate2 ReadPkcs12(string path, string? password)
    {
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new ArgumentException($"Cannot read a PKCS#12 certificate from '{path}': {ex.Message}", nameof(path), ex);
        }
    }

    public static X509Certificate2Collection ReadRootsPem(string path)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new ArgumentException($"Cannot read trusted roots from '{path}': {ex.Message}", nameof(path), ex);
        }

        return roots.Count > 0 ? roots : throw new ArgumentException($"'{path}' holds no PEM certificate.", nameof(path));
    }
}
