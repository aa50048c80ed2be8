namespace CoordinationHub.InteropTests;

/// <summary>
/// buf curl (connect-go's gRPC client) discovers our services through server reflection and calls
/// them with no .proto files at hand.
/// </summary>
public sealed class BufCurlTests(OurServerFixture server) : IClassFixture<OurServerFixture>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ListServices_ThroughReflection_NamesEveryMappedService()
    {
        var result = await BufCurlAsync("--list-services", Url(useTls: true));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("grpc.testing.TestService", result.Output, StringComparison.Ordinal);
        Assert.Contains("grpc.health.v1.Health", result.Output, StringComparison.Ordinal);
        Assert.Contains("grpc.reflection.v1.ServerReflection", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UnaryCall_SchemaFromReflection_ReturnsResponse(bool useTls)
    {
        var result = await BufCurlAsync("-d", """{"response_size": 7}""", Url(useTls) + "/grpc.testing.TestService/UnaryCall");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("\"body\": \"AAAAAAAAAA==\"", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthCheck_ThroughReflection_IsServing()
    {
        var result = await BufCurlAsync("-d", "{}", Url(useTls: true) + "/grpc.health.v1.Health/Check");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("SERVING", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusFromServer_ReachesBufCurl()
    {
        var result = await BufCurlAsync("-d", """{"response_status": {"code": 5, "message": "no such case"}}""",
            Url(useTls: true) + "/grpc.testing.TestService/UnaryCall");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("not_found", result.Output, StringComparison.Ordinal);
        Assert.Contains("no such case", result.Output, StringComparison.Ordinal);
    }

    private string Url(bool useTls) => useTls ? $"https://localhost:{server.Port(true)}" : $"http://localhost:{server.Port(false)}";

    private static Task<PeerResult> BufCurlAsync(params string[] arguments)
    {
        var url = arguments[^1];
        string[] transport = url.StartsWith("https", StringComparison.Ordinal)
            ? ["--cacert", Repository.CaFile]
            : ["--http2-prior-knowledge"];
        return PeerProcess.RunAsync(Repository.Buf, ["curl", "--protocol", "grpc", .. transport, .. arguments], Limit);
    }
}
