using System.Diagnostics;

namespace CoordinationHub.Cli.Tests.Infrastructure;

/// <summary>
/// The dev PKI of certs-dev/, made (or refreshed) by certs-dev/generate.sh, which is idempotent and
/// serialises parallel runs: the tests use the same files a user of hubctl.sh does.
/// </summary>
public static class DevCertificates
{
    private static readonly Lazy<string> LazyDirectory = new(Generate);

    public static string Root { get; } = FindRoot();

    public static string CaFile => Path.Combine(Directory, "ca.pem");

    public static string ServerCertificate => Path.Combine(Directory, "server.pem");

    public static string ServerKey => Path.Combine(Directory, "server.key");

    public static string ClientCertificate => Path.Combine(Directory, $"client-{ClientName}.pem");

    public static string ClientKey => Path.Combine(Directory, $"client-{ClientName}.key");

    private static string ClientName => "hubctl-tests";

    private static string Directory => LazyDirectory.Value;

    private static string Generate()
    {
        var script = Path.Combine(Root, "certs-dev", "generate.sh");
        Run(script);
        Run(script, "client", ClientName);
        return Path.Combine(Root, "certs-dev", "out");
    }

    private static void Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {script}.");
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}");
        }
    }

    private static string FindRoot()
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
