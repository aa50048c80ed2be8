using CoordinationHub.Domain.Trust;
using CoordinationHub.Samples.CsvImporter;
using CoordinationHub.Samples.Tests.Infrastructure;
using CoordinationHub.Testing.Hub;
using Spectre.Console;

namespace CoordinationHub.Samples.Tests.CsvImporter;

/// <summary>The importer as an operator runs it: PEM files, options, the printed summary and the exit code.</summary>
[Collection(HubTestGroup.Name)]
public sealed class ImporterCommandTests(HubTestHost hub)
{
    [Fact]
    public async Task Run_ExampleWithABadRow_Exit1NamingTheLine_ThenAfterTheFixExit0WithTheRestReplayed()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("interior", [Scopes.CasesRead, Scopes.CasesWrite]);
        var (certificate, key) = agency.WritePemFiles(hub.Directory);
        var example = await File.ReadAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "example.csv"));
        var csv = Path.Combine(hub.Directory, agency.AgencyId + ".csv");
        string[] args = ["--hub", hub.Client.Address.ToString(), "--cert", certificate, "--key", key, "--ca", hub.ClientCaPath, "--officer", "officer-7", csv];

        var broken = example.ToArray();
        broken[3] = broken[3].Replace(",M,", ",Q,", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(csv, broken);
        var first = await RunAsync(args);
        await File.WriteAllLinesAsync(csv, example);
        var second = await RunAsync(args);

        Assert.True(first.ExitCode == ExitCodes.RowsFailed, first.Output);
        Assert.Matches(@"│\s+4 │ MOI/2016/000121 │ not sent │ sex: 'Q' is not a sex", first.Output);
        Assert.True(second.ExitCode == ExitCodes.Ok, second.Output);
        Assert.Matches(@"Replayed \(already imported, nothing written\)\s+│\s+19 │", second.Output);
        Assert.Matches(@"Created \(new hub case\)\s+│\s+1 │", second.Output);
    }

    [Fact]
    public async Task Run_UnreadableCertificate_Exit2BeforeSendingAnything()
    {
        var missing = Path.Combine(hub.Directory, "missing.pem");

        var run = await RunAsync(["--hub", hub.Client.Address.ToString(), "--cert", missing, "--key", missing, Path.Combine(AppContext.BaseDirectory, "example.csv")]);

        Assert.True(run.ExitCode == ExitCodes.Unusable, run.Output);
        Assert.Contains("missing.pem", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_HubUnreachable_StopsAfterTheRetriesWithExit3()
    {
        var agency = await hub.Trust.RegisterAgencyAsync("interior", [Scopes.CasesWrite]);
        var (certificate, key) = agency.WritePemFiles(hub.Directory);
        int closedPort;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        var run = await RunAsync(["--hub", $"https://localhost:{closedPort}", "--cert", certificate, "--key", key, "--ca", hub.ClientCaPath,
            "--concurrency", "2", Path.Combine(AppContext.BaseDirectory, "example.csv")]);

        Assert.True(run.ExitCode == ExitCodes.Stopped, run.Output);
        Assert.Contains("Stopped early: line ", run.Output, StringComparison.Ordinal);
        Assert.Contains("Unavailable", run.Output, StringComparison.Ordinal);
        // The calls in flight when the first one gave up are cancelled, not retried on.
        Assert.Matches(@"Not attempted \(stopped\)\s+│\s+1[6-9] │", run.Output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 250;
        var exitCode = await ImporterCommand.Create(console).Parse(args).InvokeAsync();
        return (exitCode, output.ToString());
    }
}
