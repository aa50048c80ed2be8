namespace CoordinationHub.Testing.Tests;

// The locator is a function of its inputs: these tests never touch HUB_PG_BIN of the process,
// which the cluster of the other tests reads.
public sealed class PostgresBinariesTests
{
    private static readonly HashSet<string> s_files =
    [
        "/opt/pg/17/bin/initdb", "/opt/pg/17/bin/pg_ctl",
        "/opt/pg/15/bin/initdb", "/opt/pg/15/bin/pg_ctl",
        "/usr/local/bin/initdb", "/usr/local/bin/pg_ctl",
        "/opt/half/bin/initdb",
    ];

    [Fact]
    public void Locate_BogusOverride_FailsNamingPackageAndPath()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PostgresBinaries.Locate(
            "/nonexistent/hub-pg-bin", ["/opt/pg/17/bin"], "/usr/local/bin", s_files.Contains));

        Assert.Contains("apt-get install postgresql-15", error.Message, StringComparison.Ordinal);
        Assert.Contains("HUB_PG_BIN=/nonexistent/hub-pg-bin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_BogusOverrideOnRealFileSystem_FailsNamingPackage()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PostgresBinaries.Locate(
            "/nonexistent/hub-pg-bin",
            PostgresBinaries.InstalledBinDirectories(PostgresBinaries.DebianRoot),
            Environment.GetEnvironmentVariable("PATH"),
            File.Exists));

        Assert.Contains("postgresql-15", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_NothingInstalled_FailsNamingPackage()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PostgresBinaries.Locate(
            null, [], "/usr/bin:/bin", _ => false));

        Assert.Contains("apt-get install postgresql-15", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_Override_WinsOverInstalled()
    {
        Assert.Equal("/opt/pg/15/bin", PostgresBinaries.Locate("/opt/pg/15/bin", ["/opt/pg/17/bin"], null, s_files.Contains));
    }

    [Fact]
    public void Locate_NoOverride_TakesFirstCompleteCandidate()
    {
        Assert.Equal("/opt/pg/17/bin", PostgresBinaries.Locate(
            "", ["/opt/half/bin", "/opt/pg/17/bin", "/opt/pg/15/bin"], "/usr/local/bin", s_files.Contains));
    }

    [Fact]
    public void Locate_NothingInstalled_FallsBackToPath()
    {
        Assert.Equal("/usr/local/bin", PostgresBinaries.Locate(
            null, ["/opt/half/bin"], "/usr/bin::/usr/local/bin", s_files.Contains));
    }

    [Fact]
    public void InstalledBinDirectories_SeveralVersions_HighestFirst()
    {
        var root = Directory.CreateTempSubdirectory("hub-pgbin-test-").FullName;
        try
        {
            foreach (var version in new[] { "9.6", "15", "17", "common" })
            {
                Directory.CreateDirectory(Path.Combine(root, version, "bin"));
            }

            Directory.CreateDirectory(Path.Combine(root, "16")); // no bin: not a candidate

            Assert.Equal(
                [Path.Combine(root, "17", "bin"), Path.Combine(root, "15", "bin"), Path.Combine(root, "9.6", "bin")],
                PostgresBinaries.InstalledBinDirectories(root));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void InstalledBinDirectories_MissingRoot_Empty()
    {
        Assert.Empty(PostgresBinaries.InstalledBinDirectories("/nonexistent/postgresql"));
    }
}
