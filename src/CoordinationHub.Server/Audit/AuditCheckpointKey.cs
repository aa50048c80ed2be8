using System.Security.Cryptography;
using System.Text;
using CoordinationHub.Audit;

namespace CoordinationHub.Server.Audit;

/// <summary>
/// The hub's checkpoint key, read once at start, and the public keys it signed with before: its
/// public half is published at <see cref="PublicKeyPath"/>, all of them at <see cref="TrustedKeysPath"/>.
/// </summary>
public sealed class AuditCheckpointKey : IDisposable
{
    public const string PublicKeyPath = "/.well-known/audit-key.pem";

    /// <summary>The current public key first, then the previous ones: what a verifier of the whole log needs.</summary>
    public const string TrustedKeysPath = "/.well-known/audit-keys.pem";

    private AuditCheckpointKey(ECDsa key, CheckpointKeyRing trustedKeys, string trustedKeysPem)
    {
        Key = key;
        KeyId = CheckpointSignature.KeyIdOf(key);
        PublicKeyPem = key.ExportSubjectPublicKeyInfoPem();
        TrustedKeys = trustedKeys;
        TrustedKeysPem = trustedKeysPem;
    }

    /// <summary>The private key; signs checkpoints and verifies them.</summary>
    public ECDsa Key { get; }

    public string KeyId { get; }

    public string PublicKeyPem { get; }

    /// <summary>The current key and the previous public keys, for verifying checkpoints of any age.</summary>
    public CheckpointKeyRing TrustedKeys { get; }

    /// <summary>Their public keys as one PEM bundle, the current key first.</summary>
    public string TrustedKeysPem { get; }

    /// <summary>The key in <paramref name="path"/>, trusting no other.</summary>
    /// <exception cref="InvalidOperationException">The file is not an ECDSA P-256 private key.</exception>
    public static AuditCheckpointKey Load(string path) => Load(path, []);

    /// <summary>The key in <paramref name="path"/>, trusting also the public keys in <paramref name="previousPublicKeyPaths"/>.</summary>
    /// <exception cref="InvalidOperationException">A file is not what it should be: an ECDSA P-256 private key, or PEM public keys.</exception>
    public static AuditCheckpointKey Load(string path, IReadOnlyList<string> previousPublicKeyPaths)
    {
        ArgumentNullException.ThrowIfNull(previousPublicKeyPaths);
        var key = LoadPrivateKey(path);
        try
        {
            var bundle = new StringBuilder(key.ExportSubjectPublicKeyInfoPem().TrimEnd()).Append('\n');
            foreach (var previous in previousPublicKeyPaths)
            {
                var pem = File.ReadAllText(previous);
                try
                {
                    using var check = CheckpointKeyRing.FromPem(pem);
                }
                catch (Exception e) when (e is CryptographicException or ArgumentException)
                {
                    throw new InvalidOperationException($"{previous} is not a PEM ECDSA public key (Hub:Audit:PreviousPublicKeyPaths): {e.Message}", e);
                }

                bundle.Append(pem.TrimEnd()).Append('\n');
            }

            var text = bundle.ToString();
            return new AuditCheckpointKey(key, CheckpointKeyRing.FromPem(text), text);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        TrustedKeys.Dispose();
        Key.Dispose();
    }

    private static ECDsa LoadPrivateKey(string path)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
            var parameters = key.ExportParameters(includePrivateParameters: true);
            if (parameters.D is null || key.KeySize != 256 || parameters.Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                throw new InvalidOperationException($"{path} must hold an ECDSA P-256 private key (Hub:Audit:CheckpointKeyPath).");
            }

            return key;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new InvalidOperationException($"{path} is not a PEM ECDSA private key (Hub:Audit:CheckpointKeyPath): {e.Message}", e);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
