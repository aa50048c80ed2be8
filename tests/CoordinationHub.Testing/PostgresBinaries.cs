using System.Globalization;

namespace CoordinationHub.Testing;

/// <summary>Finds the PostgreSQL server binaries (initdb, pg_ctl) a private cluster is started from.</summary>
public static class PostgresBinaries
{
    /// <summary>Environment variable naming a bin directory to use instead of the installed one.</summary>
    public const string OverrideVariable = "HUB_PG_BIN";

    /// <summary>The Debian package that provides the binaries.</summary>
    public const string DebianPackage = "postgresql-15";

    /// <summary>Where Debian installs one bin directory per major version.</summary>
    public const string DebianRoot = "/usr/lib/postgresql";

    private static readonly string[] s_required = ["initdb", "pg_ctl"];

    /// <summary>The bin directory for this process: <c>HUB_PG_BIN</c>, else the highest installed version, else PATH.</summary>
    public static string LocateFromEnvironment() => Locate(
        Environment.GetEnvironmentVariable(OverrideVariable),
        InstalledBinDirectories(DebianRoot),
        Environment.GetEnvironmentVariable("PATH"),
        File.Exists);

    /// <summary>
    /// Picks the directory holding initdb and pg_ctl. An override is taken or refused, never skipped:
    /// a wrong <c>HUB_PG_BIN</c> must not silently test against another version.
    /// </summary>
    /// <param name="overrideDirectory">The value of <c>HUB_PG_BIN</c>, if set.</param>
    /// <param name="installedBinDirectories">Candidates in order of preference (highest version first).</param>
    /// <param name="pathVariable">The value of <c>PATH</c>, searched last.</param>
    /// <param name="fileExists">How a file's existence is checked.</param>
    /// <exception cref="InvalidOperationException">No directory has the binaries; the message says what to install.</exception>
    public static string Locate(
        string? overrideDirectory,
        IEnumerable<string> installedBinDirectories,
        string? pathVariable,
        Func<string, bool> fileExists)
    {
        ArgumentNullException.ThrowIfNull(installedBinDirectories);
        ArgumentNullException.ThrowIfNull(fileExists);

        if (!string.IsNullOrEmpty(overrideDirectory))
        {
            return HasBinaries(overrideDirectory, fileExists)
                ? overrideDirectory
                : throw new InvalidOperationException(
                    $"{OverrideVariable}={overrideDirectory} has no initdb and pg_ctl. {Remedy}");
        }

        var pathDirectories = (pathVariable ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        return installedBinDirectories.Concat(pathDirectories).FirstOrDefault(d => HasBinaries(d, fileExists))
            ?? throw new InvalidOperationException(
                $"PostgreSQL server binaries (initdb, pg_ctl) not found in {DebianRoot}/*/bin or PATH. {Remedy}");
    }

    /// <summary>The <c>ROOT/VERSION/bin</c> directories that exist, highest version first.</summary>
    public static IReadOnlyList<string> InstalledBinDirectories(string root)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        return [.. Directory.EnumerateDirectories(root)
            .Select(d => (Dir: Path.Combine(d, "bin"), Version: ParseVersion(Path.GetFileName(d))))
            .Where(c => c.Version is not null && Directory.Exists(c.Dir))
            .OrderByDescending(c => c.Version)
            .Select(c => c.Dir)];
    }

    private static string Remedy =>
        $"Install the server with `apt-get install {DebianPackage}` (scripts/test.sh does), set {OverrideVariable} "
        + "to a bin directory holding initdb and pg_ctl, or set HUB_TEST_POSTGRES to the connection string "
        + "of an existing server.";

    private static bool HasBinaries(string directory, Func<string, bool> fileExists) =>
        s_required.All(name => fileExists(Path.Combine(directory, name)));

    // Debian names the directories by major version: "9.6", "15", "17".
    private static decimal? ParseVersion(string name) =>
        decimal.TryParse(name, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var version)
            ? version
            : null;
}
