using System.Diagnostics;
using System.Text;

namespace CoordinationHub.InteropTests;

/// <summary>Runs a peer program from another gRPC ecosystem with a hard time limit.</summary>
public static class PeerProcess
{
    public static async Task<PeerResult> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        using var process = Start(fileName, arguments, out var output);
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return new PeerResult(-1, $"{output}\n(killed after {timeout.TotalSeconds:0} s)");
        }

        // WaitForExitAsync returns once the process exited and its redirected streams hit EOF.
        return new PeerResult(process.ExitCode, output.ToString());
    }

    /// <summary>Starts a long-running peer (a server); output accumulates into <paramref name="output"/>.</summary>
    public static Process Start(string fileName, IEnumerable<string> arguments, out StringBuilder output)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var buffer = new StringBuilder();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(buffer, e.Data);
        process.ErrorDataReceived += (_, e) => Append(buffer, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        output = buffer;
        return process;
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }
}

/// <summary>How a peer run ended.</summary>
public sealed record PeerResult(int ExitCode, string Output);
