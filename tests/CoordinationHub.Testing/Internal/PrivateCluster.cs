using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CoordinationHub.Testing.Internal;

/// <summary>
/// A throwaway PostgreSQL cluster in a directory of its own under /tmp: data, unix socket and log
/// inside it, listening on a free port of 127.0.0.1 only, trust authentication, superuser <c>hub</c>.
/// Durability is off (fsync, synchronous_commit, full_page_writes): nothing in it outlives the run.
/// </summary>
internal sealed class PrivateCluster
{
    public const string Superuser = "hub";
    public const string DirectoryPrefix = "hub-pg-";

    private static readonly TimeSpan s_toolTimeout = TimeSpan.FromSeconds(120);
    private readonly string _binDirectory;

    private PrivateCluster(string binDirectory, string directory)
    {
        _binDirectory = binDirectory;
        Directory = directory;
    }

    public string Directory { get; }

    public int Port { get; private set; }

    private string DataDirectory => Path.Combine(Directory, "data");

    private string LogFile => Path.Combine(Directory, "server.log");

    public static PrivateCluster Start(string binDirectory)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException(
                $"A private test cluster needs Linux; elsewhere set {PostgresCluster.ConnectionVariable} to an existing server.");
        }

        StaleClusters.Sweep(binDirectory);
        var directory = Path.Combine("/tmp", $"{DirectoryPrefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..12]}");
        System.IO.Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var cluster = new PrivateCluster(binDirectory, directory);
        try
        {
            ClusterWatchdog.Start(binDirectory, directory);
            cluster.Initialize();
            cluster.Launch();
            return cluster;
        }
        catch
        {
            cluster.Stop();
            throw;
        }
    }

    /// <summary>Stops the server at once (no checkpoint: the data is thrown away) and deletes the directory.</summary>
    public void Stop()
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            StopServer(_binDirectory, DataDirectory);
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort at process exit; the watchdog removes what is left.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    internal static ProcessResult StopServer(string binDirectory, string dataDirectory) =>
        ProcessRunner.RunServerTool(
            Path.Combine(binDirectory, "pg_ctl"),
            ["stop", "-D", dataDirectory, "-m", "immediate", "-w", "-t", "30"],
            Path.GetDirectoryName(dataDirectory)!,
            TimeSpan.FromSeconds(60));

    private void Initialize()
    {
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "socket"));
        ProcessRunner.GiveToServerUser(Directory);
        var initdb = ProcessRunner.RunServerTool(
            Path.Combine(_binDirectory, "initdb"),
            ["-D", DataDirectory, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"],
            Directory,
            s_toolTimeout);
        if (!initdb.Succeeded)
        {
            throw new InvalidOperationException($"initdb failed (exit {initdb.ExitCode}):\n{Tail(initdb.Output)}");
        }

        // The files exist and belong to the server user; rewriting them keeps owner and mode.
        File.WriteAllText(Path.Combine(DataDirectory, "pg_hba.conf"), """
            local all all trust
            host all all 127.0.0.1/32 trust

            """);
        File.AppendAllText(Path.Combine(DataDirectory, "postgresql.conf"), $"""

            # CoordinationHub throwaway test cluster.
            listen_addresses = '127.0.0.1'
            unix_socket_directories = '{Path.Combine(Directory, "socket")}'
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            max_connections = 300

            """);
    }

    private void Launch()
    {
        // The port is free when picked but may be taken before the server binds it (other test
        // processes start clusters too): then pick another.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            var logStart = ReadLog().Length;
            var start = ProcessRunner.RunServerTool(
                Path.Combine(_binDirectory, "pg_ctl"),
                ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60",
                    "-o", "-p " + Port.ToString(CultureInfo.InvariantCulture)],
                Directory,
                s_toolTimeout);
            if (start.Succeeded)
            {
                return;
            }

            var log = ReadLog();
            log = log[Math.Min(logStart, log.Length)..];
            if (attempt < 3 && log.Contains("could not bind", StringComparison.Ordinal))
            {
                continue;
            }

            throw new InvalidOperationException(
                $"pg_ctl start failed (exit {start.ExitCode}):\n{Tail(start.Output)}\nserver log (tail):\n{Tail(log)}");
        }
    }

    private string ReadLog()
    {
        try
        {
            return File.ReadAllText(LogFile);
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Tail(string text, int lines = 40) =>
        string.Join('\n', text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines));
}
