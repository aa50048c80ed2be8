using System.Security.Cryptography.X509Certificates;

namespace CoordinationHub.Server.Security;

/// <summary>Reads the hub CA file and recognises the development CA from <c>certs-dev/</c>.</summary>
public static class ClientCaFile
{
    /// <summary>Subject of the root made by <c>certs-dev/generate.sh</c>; must never be trusted in production.</summary>
    public const string DevelopmentRootName = "CoordinationHub Dev Root CA";

    /// <summary>Every certificate in the PEM file; fails when there is none.</summary>
    public static X509Certificate2Collection Load(string path)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(path);
        if (roots.Count == 0)
        {
            throw new InvalidOperationException($"The hub CA file {path} holds no PEM certificate.");
        }

        return roots;
    }

    /// <summary>
    /// True when the file is, or contains, the development CA: by its subject, or by its location
    /// under <c>certs-dev/</c> (a regenerated dev CA keeps the path even if someone renames it).
    /// </summary>
    public static bool IsDevelopmentCa(string path)
    {
        var normalized = Path.GetFullPath(path).Replace('\\', '/');
        if (normalized.Contains("/certs-dev/", StringComparison.Ordinal))
        {
            return true;
        }

        return Load(path).Any(c => c.GetNameInfo(X509NameType.SimpleName, forIssuer: false) == DevelopmentRootName);
    }
}
