using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CoordinationHub.InteropTests;

/// <summary>The Python grpcio TestService server, twice (TLS and h2c), on ports it picks itself.</summary>
public sealed partial class PythonServerFixture : IAsyncLifetime
{
    private readonly List<Process> _processes = [];
    private int _tlsPort;
    private int _plaintextPort;

    public int Port(bool useTls) => useTls ? _tlsPort : _plaintextPort;

    public async Task InitializeAsync()
    {
        Repository.RequirePeers();
        _tlsPort = await StartAsync(useTls: true);
        _plaintextPort = await StartAsync(useTls: false);
    }

    public Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
        }

        return Task.CompletedTask;
    }

    private async Task<int> StartAsync(bool useTls)
    {
        var process = PeerProcess.Start("/usr/bin/python3",
            [Repository.PythonInteropServer, "--port=0", $"--use_tls={(useTls ? "true" : "false")}"], out var output);
        _processes.Add(process);
        for (var attempt = 0; attempt < 200; attempt++)
        {
            string text;
            lock (output)
            {
                text = output.ToString();
            }

            var match = ListeningLine().Match(text);
            if (match.Success)
            {
                return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }

            if (process.HasExited)
            {
                break;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"The grpcio interop server did not start:\n{Snapshot(output)}");
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    [GeneratedRegex(@"listening on [^ ]*:(\d+)")]
    private static partial Regex ListeningLine();
}
