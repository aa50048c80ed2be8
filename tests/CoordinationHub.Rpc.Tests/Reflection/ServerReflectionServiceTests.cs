using CoordinationHub.Rpc.Reflection;
using CoordinationHub.Rpc.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace CoordinationHub.Rpc.Tests.Reflection;

public sealed class ServerReflectionServiceTests
{
    private readonly ServerReflectionService _service = new(ReflectionTestServer.CreateRegistry());

    [Fact]
    public async Task ListServices_ReturnsEveryMappedServiceIncludingReflectionAndHealth()
    {
        var response = await AskAsync(new ServerReflectionRequest { ListServices = "*" });

        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.ListServicesResponse, response.MessageResponseCase);
        Assert.Equal(
            [
                "coordination.v1.HubInfoService",
                "grpc.health.v1.Health",
                "grpc.reflection.v1.ServerReflection",
                "grpc.reflection.v1alpha.ServerReflection",
                "grpc.testing.TestService",
                ReflectionTestServer.ServiceWithoutDescriptor,
            ],
            response.ListServicesResponse.Service.Select(s => s.Name));
    }

    [Theory]
    [InlineData("coordination.v1.HubInfoService", "coordination/v1/hub_info.proto", "google/protobuf/timestamp.proto")]
    [InlineData("coordination.v1.HubInfoService.GetHubInfo", "coordination/v1/hub_info.proto", "google/protobuf/timestamp.proto")]
    [InlineData("coordination.v1.GetHubInfoResponse", "coordination/v1/hub_info.proto", "google/protobuf/timestamp.proto")]
    [InlineData("coordination.v1.GetHubInfoResponse.server_time", "coordination/v1/hub_info.proto", "google/protobuf/timestamp.proto")]
    [InlineData("google.protobuf.Timestamp", "google/protobuf/timestamp.proto")]
    [InlineData("grpc.testing.TestService", "grpc/testing/test.proto", "grpc/testing/empty.proto", "grpc/testing/messages.proto")]
    [InlineData("grpc.testing.TestService.FullDuplexCall", "grpc/testing/test.proto", "grpc/testing/empty.proto", "grpc/testing/messages.proto")]
    [InlineData("grpc.testing.SimpleRequest", "grpc/testing/messages.proto")]
    [InlineData("grpc.testing.LoadBalancerStatsResponse.RpcsByPeer", "grpc/testing/messages.proto")]
    [InlineData("grpc.testing.PayloadType", "grpc/testing/messages.proto")]
    [InlineData("grpc.testing.ClientConfigureRequest.RpcType", "grpc/testing/messages.proto")]
    [InlineData("grpc.testing.Empty", "grpc/testing/empty.proto")]
    [InlineData("grpc.health.v1.HealthCheckResponse.ServingStatus", "grpc/health/v1/health.proto")]
    [InlineData("grpc.reflection.v1alpha.ServerReflection", "grpc/reflection/v1alpha/reflection.proto")]
    public async Task FileContainingSymbol_KnownSymbol_ReturnsItsFileFirstThenItsImports(string symbol, params string[] files)
    {
        var response = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = symbol });

        var names = ReflectionTestServer.FileNames(response);
        Assert.Equal(files[0], names[0]);
        Assert.Equal(files.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.Contains(ReflectionTestServer.BuildFiles(response), file => file.Name == files[0]);
    }

    [Theory]
    [InlineData("coordination/v1/hub_info.proto", "coordination/v1/hub_info.proto", "google/protobuf/timestamp.proto")]
    [InlineData("google/protobuf/timestamp.proto", "google/protobuf/timestamp.proto")]
    [InlineData("grpc/testing/test.proto", "grpc/testing/test.proto", "grpc/testing/empty.proto", "grpc/testing/messages.proto")]
    [InlineData("grpc/health/v1/health.proto", "grpc/health/v1/health.proto")]
    public async Task FileByFilename_KnownFile_ReturnsItFirstThenItsImports(string fileName, params string[] files)
    {
        var response = await AskAsync(new ServerReflectionRequest { FileByFilename = fileName });

        var names = ReflectionTestServer.FileNames(response);
        Assert.Equal(fileName, names[0]);
        Assert.Equal(files.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        ReflectionTestServer.BuildFiles(response);
    }

    [Theory]
    [InlineData("coordination.v1.NoSuchService")]
    [InlineData("coordination.v1")]
    [InlineData(".coordination.v1.HubInfoService")]
    [InlineData("google.protobuf.Duration")]
    [InlineData("")]
    public async Task FileContainingSymbol_UnknownSymbol_ReturnsNotFoundError(string symbol)
    {
        var response = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = symbol });

        AssertError(StatusCode.NotFound, response);
    }

    [Theory]
    [InlineData("hub_info.proto")]
    [InlineData("protos/coordination/v1/hub_info.proto")]
    [InlineData("google/protobuf/duration.proto")]
    public async Task FileByFilename_UnknownFile_ReturnsNotFoundError(string fileName)
    {
        var response = await AskAsync(new ServerReflectionRequest { FileByFilename = fileName });

        AssertError(StatusCode.NotFound, response);
    }

    [Fact]
    public async Task FileContainingExtension_ReturnsNotFoundError()
    {
        var response = await AskAsync(new ServerReflectionRequest
        {
            FileContainingExtension = new ExtensionRequest { ContainingType = "coordination.v1.GetHubInfoRequest", ExtensionNumber = 100 },
        });

        AssertError(StatusCode.NotFound, response);
    }

    [Fact]
    public async Task AllExtensionNumbersOfType_ReturnsNotFoundError()
    {
        var response = await AskAsync(new ServerReflectionRequest { AllExtensionNumbersOfType = "coordination.v1.GetHubInfoRequest" });

        AssertError(StatusCode.NotFound, response);
    }

    [Fact]
    public async Task EmptyRequest_ReturnsInvalidArgumentError()
    {
        var response = await AskAsync(new ServerReflectionRequest { Host = "hub.example" });

        AssertError(StatusCode.InvalidArgument, response);
    }

    [Theory]
    [MemberData(nameof(RequestsOfEveryKind))]
    public async Task AnyRequest_EchoesOriginalRequestAndHost(ServerReflectionRequest request)
    {
        var response = await AskAsync(request);

        Assert.Equal(request, response.OriginalRequest);
        Assert.Equal(request.Host, response.ValidHost);
    }

    [Fact]
    public async Task ServerReflectionInfo_AnswersEachRequestBeforeTheClientHalfCloses()
    {
        using var cts = new CancellationTokenSource();
        var requests = new TestRequestSource<ServerReflectionRequest>();
        var responses = new TestServerStreamWriter<ServerReflectionResponse>();

        var call = _service.ServerReflectionInfo(requests, responses, new TestServerCallContext(cts.Token));
        requests.Send(new ServerReflectionRequest { ListServices = "" });
        var first = await responses.ReadNextAsync();
        requests.Send(new ServerReflectionRequest { FileContainingSymbol = "grpc.testing.Empty" });
        var second = await responses.ReadNextAsync();
        var openBeforeHalfClose = !call.IsCompleted;
        requests.Complete();
        await call.WaitAsync(TestServerStreamWriter<ServerReflectionResponse>.DefaultTimeout);

        Assert.True(openBeforeHalfClose);
        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.ListServicesResponse, first.MessageResponseCase);
        Assert.Equal(["grpc/testing/empty.proto"], ReflectionTestServer.FileNames(second));
        Assert.False(responses.TryReadNext(out _));
    }

    [Theory]
    [MemberData(nameof(RequestsOfEveryKind))]
    public async Task ServerReflectionInfoV1Alpha_AnswersAsV1Does(ServerReflectionRequest request)
    {
        var v1 = await AskAsync(request);
        var requests = new TestRequestSource<V1Alpha.ServerReflectionRequest>();
        var responses = new TestServerStreamWriter<V1Alpha.ServerReflectionResponse>();

        var call = _service.ServerReflectionInfoV1Alpha(requests, responses, new TestServerCallContext());
        requests.Send(V1Alpha.ServerReflectionRequest.Parser.ParseFrom(request.ToByteString()));
        var v1Alpha = await responses.ReadNextAsync();
        requests.Complete();
        await call.WaitAsync(TestServerStreamWriter<ServerReflectionResponse>.DefaultTimeout);

        Assert.Equal(v1.ToByteString(), v1Alpha.ToByteString());
        Assert.NotEqual(V1Alpha.ServerReflectionResponse.MessageResponseOneofCase.None, v1Alpha.MessageResponseCase);
    }

    public static TheoryData<ServerReflectionRequest> RequestsOfEveryKind() =>
    [
        new ServerReflectionRequest { Host = "hub.example:443", ListServices = "*" },
        new ServerReflectionRequest { Host = "hub.example:443", FileContainingSymbol = "coordination.v1.HubInfoService" },
        new ServerReflectionRequest { FileByFilename = "grpc/testing/test.proto" },
        new ServerReflectionRequest { Host = "localhost", FileContainingSymbol = "no.such.Symbol" },
        new ServerReflectionRequest { Host = "localhost", AllExtensionNumbersOfType = "grpc.testing.Empty" },
        new ServerReflectionRequest
        {
            Host = "localhost",
            FileContainingExtension = new ExtensionRequest { ContainingType = "grpc.testing.Empty", ExtensionNumber = 1 },
        },
    ];

    private async Task<ServerReflectionResponse> AskAsync(ServerReflectionRequest request)
    {
        var requests = new TestRequestSource<ServerReflectionRequest>();
        var responses = new TestServerStreamWriter<ServerReflectionResponse>();
        requests.Send(request);
        requests.Complete();

        await _service.ServerReflectionInfo(requests, responses, new TestServerCallContext());

        var response = await responses.ReadNextAsync();
        Assert.False(responses.TryReadNext(out _));
        return response;
    }

    private static void AssertError(StatusCode expected, ServerReflectionResponse response)
    {
        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.ErrorResponse, response.MessageResponseCase);
        Assert.Equal((int)expected, response.ErrorResponse.ErrorCode);
        Assert.False(string.IsNullOrEmpty(response.ErrorResponse.ErrorMessage));
    }
}
