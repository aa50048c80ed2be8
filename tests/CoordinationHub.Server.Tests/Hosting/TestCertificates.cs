namespace CoordinationHub.Server.Tests.Hosting;

/// <summary>The dev certificates (<c>certs-dev/generate.sh</c>, run by scripts/test.sh) the hub under test serves with.</summary>
internal static class TestCertificates
{
    public static string Directory { get; } = Path.Combine(FindRepositoryRoot(), "certs-dev", "out");

    public static string CaPem => Path.Combine(Directory, "ca.pem");

    public static string CaKey => Path.Combine(Directory, "ca.key");

    public static string ServerPem => Path.Combine(Directory, "server.pem");

    public static string ServerKey => Path.Combine(Directory, "server.key");

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CoordinationHub.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No CoordinationHub.sln above {AppContext.BaseDirectory}.");
    }
}
