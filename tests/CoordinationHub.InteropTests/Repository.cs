namespace CoordinationHub.InteropTests;

/// <summary>Paths inside the repository, found from the test assembly's location.</summary>
public static class Repository
{
    public static string Root { get; } = CoordinationHub.Interop.RepositoryPaths.FindRoot();

    public static string CertsDirectory => Path.Combine(Root, "certs-dev", "out");

    public static string CaFile => Path.Combine(CertsDirectory, "ca.pem");

    public static string ServerCertificate => Path.Combine(CertsDirectory, "server.pem");

    public static string ServerKey => Path.Combine(CertsDirectory, "server.key");

    public static string PythonInteropClient => Path.Combine(Root, "tests", "interop", "python", "interop_client.py");

    public static string PythonInteropServer => Path.Combine(Root, "tests", "interop", "python", "interop_server.py");

    public static string NodeInteropClient => Path.Combine(Root, "tests", "interop", "node", "interop_client.js");

    public static string Buf => Path.Combine(Root, ".tools", "node_modules", ".bin", "buf");

    /// <summary>Fails with the command to run when the peers have not been installed.</summary>
    public static void RequirePeers()
    {
        string[] required = [CaFile, ServerCertificate, "/usr/bin/python3", Path.Combine(Root, "tests", "interop", "node", "node_modules", "@grpc", "grpc-js"), Buf];
        var missing = required.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Interop peers are not installed (missing: {string.Join(", ", missing)}). Run scripts/interop-peers-setup.sh, or scripts/test.sh which runs it.");
        }
    }
}
