using System.Security.Cryptography;
using CoordinationHub.Audit;

namespace CoordinationHub.Server.Audit;

/// <summary>The hub's checkpoint key, read once at start; its public half is published at <see cref="PublicKeyPath"/>.</summary>
public sealed class AuditCheckpointKey : IDisposable
{
    public const string PublicKeyPath = "/.well-known/audit-key.pem";

    private AuditCheckpointKey(ECDsa key)
    {
        Key = key;
        KeyId = CheckpointSignature.KeyIdOf(key);
        PublicKeyPem = key.ExportSubjectPublicKeyInfoPem();
    }

    /// <summary>The private key; signs checkpoints and verifies them.</summary>
    public ECDsa Key { get; }

    public string KeyId { get; }

    public string PublicKeyPem { get; }

    /// <exception cref="InvalidOperationException">The file is not an ECDSA P-256 private key.</exception>
    public static AuditCheckpointKey Load(string path)
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

            return new AuditCheckpointKey(key);
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

    public void Dispose() => Key.Dispose();
}
