using CoordinationHub.Cli.Commands;
using CoordinationHub.Cli.Tests.Infrastructure;
using CoordinationHub.Rpc;

namespace CoordinationHub.Cli.Tests;

public sealed class UsageTests
{
    [Fact]
    public async Task Help_ListsEveryExitCode()
    {
        var run = await HubCtlRun.RunAsync(null, "health", "--help");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("Exit codes:", run.Output, StringComparison.Ordinal);
        Assert.All(ExitCodes.Documented, entry => Assert.Contains($"  {entry.Code}  {entry.Meaning}", run.Output, StringComparison.Ordinal));
        Assert.Contains("HUBCTL_CA", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("info", "--output", "xml")]
    [InlineData("info", "--hub", "localhost:7443")]
    [InlineData("info", "--timeout", "0")]
    [InlineData("info", "--no-such-option")]
    [InlineData("no-such-command")]
    [InlineData("cases", "generate", "--count", "0")]
    [InlineData("notifications", "subscribe", "--count", "-1")]
    public async Task BadCommandLine_ExitsOne(params string[] args)
    {
        var run = await HubCtlRun.RunAsync(null, args);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.NotEmpty(run.Error);
    }

    [Theory]
    [InlineData("cases", "generate")]
    [InlineData("notifications", "subscribe")]
    public async Task OptionalCountLeftOut_IsNoUsageError_TheCommandCallsTheHub(params string[] args)
    {
        // Without a certificate the command stops when it first needs a token: getting that far
        // proves the command line itself was accepted.
        var run = await HubCtlRun.RunAsync(null, ["--hub", "https://localhost:1", .. args]);

        Assert.Contains("needs a token", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("--count", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadHubInEnvironment_ExitsOneNamingTheVariable()
    {
        var run = await HubCtlRun.RunAsync(new Dictionary<string, string> { ["HUBCTL_HUB"] = "not a uri" }, "info");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("HUBCTL_HUB", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StatusCode.OK, "OK")]
    [InlineData(StatusCode.NotFound, "NOT_FOUND")]
    [InlineData(StatusCode.DeadlineExceeded, "DEADLINE_EXCEEDED")]
    [InlineData(StatusCode.Unauthenticated, "UNAUTHENTICATED")]
    [InlineData(StatusCode.ResourceExhausted, "RESOURCE_EXHAUSTED")]
    public void CanonicalName_StatusCode_IsTheNameInStatusCodesMd(StatusCode code, string expected) =>
        Assert.Equal(expected, RpcFailure.CanonicalName(code));
}
