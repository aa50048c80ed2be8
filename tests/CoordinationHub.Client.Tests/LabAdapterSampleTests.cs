using CoordinationHub.Client.Tests.Infrastructure;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Samples.LabAdapter;

namespace CoordinationHub.Client.Tests;

/// <summary>The laboratory sample adapter (samples/CoordinationHub.Samples.LabAdapter) against the real hub, so it cannot rot.</summary>
public sealed class LabAdapterSampleTests(ProbedHubTestHost hub) : IClassFixture<ProbedHubTestHost>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sdk-lab-adapter-").FullName;

    [Fact]
    public async Task RunAsync_TwiceOnOneCase_ReportsOnceAndPrintsTheJudgesConfirmation()
    {
        var world = await LabWorld.CreateAsync(hub);
        var (certificate, key) = world.Laboratory.WritePemFiles(_directory);
        var options = new LabAdapterOptions(hub.Client.Address, certificate, key, hub.ClientCaPath, world.CaseId, "LAB-2026-0042-F", "Sinjar", Path.Combine(_directory, "cursor"), "dr-rahman");
        using var judge = Infrastructure.Sdk.Connect(hub, world.Judicial);
        using var output = new StringWriter();
        var synchronised = TextWriter.Synchronized(output);

        using (var stop = new CancellationTokenSource())
        {
            var first = LabAdapter.RunAsync(options, synchronised, stop.Token);
            await WaitForAsync(() => output.ToString().Contains("reported identification", StringComparison.Ordinal), first);
            var reported = Assert.Single((await judge.Identifications.ListIdentificationsAsync(new ListIdentificationsRequest { CaseId = world.CaseId })).Identifications);
            await judge.Identifications.ConfirmIdentificationAsync(new ConfirmIdentificationRequest { IdentificationId = reported.IdentificationId, Note = "kinship confirmed on review" });
            await WaitForAsync(() => output.ToString().Contains(nameof(NotificationKind.IdentificationConfirmed), StringComparison.Ordinal), first);

            // Delivery is at least once: the cursor is saved after the line is printed, and a stop
            // in between would rightly deliver the confirmation again. Stop once it is saved.
            var confirmed = ConfirmedSequence(output.ToString());
            await WaitForAsync(() => SavedCursor(options.CursorDirectory) >= confirmed, first);
            await stop.CancelAsync();
            Assert.Equal(0, await first);
        }

        using (var stop = new CancellationTokenSource())
        {
            var rerun = LabAdapter.RunAsync(options, synchronised, stop.Token);
            await WaitForAsync(() => CountOf(output.ToString(), "reported identification") == 2, rerun);
            await stop.CancelAsync();
            Assert.Equal(0, await rerun);
        }

        Assert.Equal(1, await world.IdentificationCountAsync(hub));
        Assert.Equal(1, CountOf(output.ToString(), nameof(NotificationKind.IdentificationConfirmed)));
    }

    [Fact]
    public void TryParse_MissingCase_NamesIt()
    {
        Assert.False(LabAdapterOptions.TryParse(["--hub", "https://hub.test", "--cert", "a.pem", "--key", "a.key"], out _, out var error));
        Assert.Contains("--case", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static int CountOf(string text, string what) => text.Split(what).Length - 1;

    // The adapter prints "#<sequence> <kind> …" for each notification.
    private static long ConfirmedSequence(string output)
    {
        var line = output.Split('\n').First(l => l.Contains(nameof(NotificationKind.IdentificationConfirmed), StringComparison.Ordinal));
        return long.Parse(line[1..line.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static long SavedCursor(string directory)
    {
        var file = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.cursor").FirstOrDefault() : null;
        return file is not null && long.TryParse(File.ReadAllText(file).Trim(), System.Globalization.CultureInfo.InvariantCulture, out var sequence) ? sequence : -1;
    }

    private static async Task WaitForAsync(Func<bool> condition, Task<int> adapter)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            Assert.False(adapter.IsCompleted, "the adapter stopped early");
            await Task.Delay(50, limit.Token);
        }
    }
}
