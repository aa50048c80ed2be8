using CoordinationHub.Interop;

namespace CoordinationHub.InteropTests;

/// <summary>Our client runs every interop case against the Python grpcio (C core) server.</summary>
public sealed class OurClientToPythonServerTests(PythonServerFixture server) : IClassFixture<PythonServerFixture>
{
    [Theory]
    [MemberData(nameof(InteropCases.WithTls), MemberType = typeof(InteropCases))]
    public async Task OurClient_PassesCase(string testCase, bool useTls)
    {
        using var channel = InteropClient.CreateChannel("localhost", server.Port(useTls), useTls, Repository.CaFile);

        var failure = await Record.ExceptionAsync(() => new InteropClient(channel).RunAsync(testCase).WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.True(failure is null, $"our client failed {testCase} (tls={useTls}) against grpcio: {failure}");
    }
}
