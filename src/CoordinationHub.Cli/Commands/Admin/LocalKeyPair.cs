using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CoordinationHub.Cli.Commands.Admin;

/// <summary>
/// A key made on this machine for <c>certificates enroll --new-key-out</c>: only its CSR goes to the
/// hub, the private key never leaves here. The key is written (owner-only) after the hub has signed,
/// so a refused enrollment leaves no orphan key behind.
/// </summary>
internal sealed class LocalKeyPair : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private LocalKeyPair(string certificatePath, string keyPath)
    {
        CertificatePath = certificatePath;
        KeyPath = keyPath;
    }

    public string CertificatePath { get; }

    public string KeyPath { get; }

    /// <summary>A fresh P-256 key for <paramref name="agencyId"/>, to be written as DIR/AGENCY.pem and DIR/AGENCY.key.</summary>
    /// <exception cref="CliUsageException">Either file exists: a key is never overwritten.</exception>
    public static LocalKeyPair Create(string directory, string agencyId)
    {
        var certificatePath = Path.GetFullPath(Path.Combine(directory, agencyId + ".pem"));
        var keyPath = Path.GetFullPath(Path.Combine(directory, agencyId + ".key"));
        if (File.Exists(certificatePath) || File.Exists(keyPath))
        {
            throw new CliUsageException($"--new-key-out: {certificatePath} or {keyPath} exists; move it away first (hubctl never overwrites a key).");
        }

        return new LocalKeyPair(certificatePath, keyPath);
    }

    /// <summary>The PKCS#10 request; the hub sets the subject and extensions itself and takes only the key from it.</summary>
    public string CreateSigningRequestPem(string agencyId) =>
        new CertificateRequest($"CN={agencyId}", _key, HashAlgorithmName.SHA256).CreateSigningRequestPem();

    /// <summary>Writes the key (owner-only, never over an existing file) and then the issued certificate.</summary>
    public async Task WriteAsync(string certificatePem, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyPath)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var stream = new FileStream(KeyPath, options);
        await using (stream.ConfigureAwait(false))
        {
            var writer = new StreamWriter(stream);
            await using (writer.ConfigureAwait(false))
            {
                await writer.WriteAsync(_key.ExportPkcs8PrivateKeyPem().AsMemory(), cancellationToken).ConfigureAwait(false);
            }
        }

        await File.WriteAllTextAsync(CertificatePath, certificatePem, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _key.Dispose();
}
