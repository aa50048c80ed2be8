using System.Security.Cryptography;

namespace CoordinationHub.Bench.Audit;

/// <summary>A throwaway checkpoint key (Hub:Audit:CheckpointKeyPath), which every hub needs to start.</summary>
public static class AuditKeyFile
{
    public static async Task<string> WriteAsync(string directory)
    {
        var path = Path.Combine(directory, "audit.key");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await File.WriteAllTextAsync(path, key.ExportPkcs8PrivateKeyPem());
        return path;
    }
}
