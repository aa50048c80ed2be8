using System.Runtime.Versioning;
using CoordinationHub.Testing.Internal;

namespace CoordinationHub.Testing.Tests;

// Stand-in bin directories whose tools fail the way a broken installation would.
[SupportedOSPlatform("linux")]
public sealed class PrivateClusterTests
{
    // rwxr-xr-x: the postgres user runs these when the tests run as root.
    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    [Fact]
    public async Task Start_InitdbFails_MessageCarriesItsOutputAndDirectoryIsRemoved()
    {
        var error = await StartWithAsync(
            initdb: "echo 'initdb: error: simulated breakage' >&2; exit 1",
            pgCtl: "exit 1");

        Assert.Contains("initdb failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("simulated breakage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PgCtlFails_MessageCarriesItsOutput()
    {
        var error = await StartWithAsync(
            initdb: """mkdir -p "$2" && touch "$2/pg_hba.conf" "$2/postgresql.conf" """,
            pgCtl: "echo 'pg_ctl: could not start server (simulated)' >&2; exit 1");

        Assert.Contains("pg_ctl start failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("could not start server (simulated)", error.Message, StringComparison.Ordinal);
    }

    private static async Task<InvalidOperationException> StartWithAsync(string initdb, string pgCtl)
    {
        // The shared cluster, started meanwhile by a parallel test class, must not count as a leftover.
        await PostgresCluster.EnsureStartedAsync();
        var bin = Directory.CreateTempSubdirectory("hub-pgbin-test-").FullName;
        try
        {
            File.SetUnixFileMode(bin, Executable);
            WriteScript(Path.Combine(bin, "initdb"), initdb);
            WriteScript(Path.Combine(bin, "pg_ctl"), pgCtl);
            var before = OurClusterDirectories();

            var error = Assert.Throws<InvalidOperationException>(() => PrivateCluster.Start(bin));

            Assert.Empty(OurClusterDirectories().Except(before));
            return error;
        }
        finally
        {
            Directory.Delete(bin, recursive: true);
        }
    }

    private static void WriteScript(string path, string body)
    {
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        File.SetUnixFileMode(path, Executable);
    }

    private static string[] OurClusterDirectories() =>
        Directory.GetDirectories("/tmp", $"{PrivateCluster.DirectoryPrefix}{Environment.ProcessId}-*");
}
