namespace CoordinationHub.InteropTests;

/// <summary>Python grpcio (C core) and @grpc/grpc-js clients run every interop case against our server.</summary>
public sealed class PeerClientsToOurServerTests(OurServerFixture server) : IClassFixture<OurServerFixture>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Theory]
    [MemberData(nameof(InteropCases.WithTls), MemberType = typeof(InteropCases))]
    public async Task PythonGrpcioClient_PassesCase(string testCase, bool useTls)
    {
        var result = await PeerProcess.RunAsync("/usr/bin/python3", [Repository.PythonInteropClient, .. Arguments(testCase, useTls)], Limit);

        Assert.True(result.ExitCode == 0, $"grpcio client failed {testCase} (tls={useTls}):\n{result.Output}");
        Assert.Contains($"PASS {testCase}", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InteropCases.WithTls), MemberType = typeof(InteropCases))]
    public async Task GrpcJsClient_PassesCase(string testCase, bool useTls)
    {
        var result = await PeerProcess.RunAsync("node", [Repository.NodeInteropClient, .. Arguments(testCase, useTls)], Limit);

        Assert.True(result.ExitCode == 0, $"grpc-js client failed {testCase} (tls={useTls}):\n{result.Output}");
        Assert.Contains($"PASS {testCase}", result.Output, StringComparison.Ordinal);
    }

    private string[] Arguments(string testCase, bool useTls) =>
    [
        "--server_host=localhost",
        $"--server_port={server.Port(useTls)}",
        $"--use_tls={(useTls ? "true" : "false")}",
        $"--ca_file={Repository.CaFile}",
        $"--test_case={testCase}",
    ];
}
