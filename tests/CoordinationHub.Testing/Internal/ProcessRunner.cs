using System.Diagnostics;
using System.Text;

namespace CoordinationHub.Testing.Internal;

/// <summary>
/// Runs the PostgreSQL binaries, as the <c>postgres</c> OS user when this process is root:
/// initdb refuses to run as root and the server refuses to start as root.
/// </summary>
internal static class ProcessRunner
{
    public const string ServerUser = "postgres";

    public static bool IsRoot { get; } = Environment.UserName == "root";

    /// <summary>Runs <paramref name="fileName"/> to completion, killing it after <paramref name="timeout"/>.</summary>
    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ProcessResult(-1, $"{Text(output)}\n(killed after {timeout.TotalSeconds:0} s)");
        }

        // The parameterless overload also waits for the redirected streams to reach EOF.
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, Text(output));
    }

    /// <summary>Runs a server binary as the user that owns the cluster: <c>postgres</c> under root, else ourselves.</summary>
    public static ProcessResult RunServerTool(string binary, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout) =>
        IsRoot
            ? Run("runuser", ["-u", ServerUser, "--", binary, .. arguments], workingDirectory, timeout)
            : Run(binary, arguments, workingDirectory, timeout);

    /// <summary>Hands <paramref name="directory"/> to the <c>postgres</c> user when we are root.</summary>
    public static void GiveToServerUser(string directory)
    {
        if (!IsRoot)
        {
            return;
        }

        var result = Run("chown", ["-R", $"{ServerUser}:{ServerUser}", directory], directory, TimeSpan.FromSeconds(30));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"chown of {directory} to the '{ServerUser}' OS user failed (the user comes with "
                + $"`apt-get install {PostgresBinaries.DebianPackage}`):\n{result.Output}");
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
