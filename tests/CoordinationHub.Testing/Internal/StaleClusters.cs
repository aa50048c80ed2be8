using System.Globalization;

namespace CoordinationHub.Testing.Internal;

/// <summary>
/// Removes clusters left under /tmp by test processes that are gone when neither their exit handler
/// nor their <see cref="ClusterWatchdog"/> cleaned up (a reboot, the watchdog killed too): stops
/// their server and deletes their directory.
/// </summary>
internal static class StaleClusters
{
    public static void Sweep(string binDirectory)
    {
        foreach (var directory in System.IO.Directory.EnumerateDirectories("/tmp", PrivateCluster.DirectoryPrefix + "*"))
        {
            var ownerPid = OwnerPid(Path.GetFileName(directory));
            if (ownerPid is null || System.IO.Directory.Exists($"/proc/{ownerPid}"))
            {
                continue;
            }

            var data = Path.Combine(directory, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                PrivateCluster.StopServer(binDirectory, data);
            }

            try
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
                // Another user's leftovers: not ours to remove.
            }
        }
    }

    // "hub-pg-<pid>-<random>" names the test process that owns the cluster.
    private static int? OwnerPid(string name)
    {
        var parts = name[PrivateCluster.DirectoryPrefix.Length..].Split('-');
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            ? pid
            : null;
    }
}
