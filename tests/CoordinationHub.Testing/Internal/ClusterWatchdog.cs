using System.Globalization;

namespace CoordinationHub.Testing.Internal;

/// <summary>
/// A detached shell that waits for this process to end, however it ends, then stops the cluster
/// and deletes its directory. The exit handler alone is not enough: the test platform kills the
/// test host a moment after the run, often before the handler has stopped the server, and a crash
/// or SIGKILL runs no handler at all.
/// </summary>
internal static class ClusterWatchdog
{
    // $1 owner pid, $2 pg_ctl, $3 cluster directory, $4 "runuser" when the server runs as postgres.
    private const string Script = """
        exec </dev/null >/dev/null 2>&1
        while kill -0 "$1"; do sleep 0.2; done
        if [ -f "$3/data/postmaster.pid" ]; then
            if [ "$4" = runuser ]; then
                runuser -u postgres -- "$2" stop -D "$3/data" -m immediate -w -t 30
            else
                "$2" stop -D "$3/data" -m immediate -w -t 30
            fi
        fi
        rm -rf "$3"
        """;

    /// <summary>Starts the watchdog for <paramref name="directory"/>; setsid -f detaches it from our process tree.</summary>
    public static void Start(string binDirectory, string directory)
    {
        var result = ProcessRunner.Run(
            "setsid",
            ["-f", "sh", "-c", Script, "hub-pg-watchdog",
                Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
                Path.Combine(binDirectory, "pg_ctl"),
                directory,
                ProcessRunner.IsRoot ? "runuser" : "direct"],
            "/",
            TimeSpan.FromSeconds(30));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"could not start the cluster watchdog (setsid, util-linux):\n{result.Output}");
        }
    }
}
