using CoordinationHub.Rpc.Reflection;
using CoordinationHub.Rpc.Tests.Infrastructure;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.Extensions.Logging;
using V1 = Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace CoordinationHub.Rpc.Tests.Reflection;

/// <summary>Reflection over the wire: h2c on real Kestrel, the way grpcurl talks to it (v1 first, then v1alpha).</summary>
public sealed class ServerReflectionEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private StandardServicesTestServer _server = null!;

    public async Task InitializeAsync() => _server = await StandardServicesTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task V1_AnswersEachRequestBeforeTheClientHalfCloses()
    {
        await using var call = _server.StartCall(ServerReflectionV1Methods.ServerReflectionInfo);

        call.Send(new V1.ServerReflectionRequest { Host = "localhost", ListServices = "*" });
        var services = await call.ReadAsync(V1.ServerReflectionResponse.Parser).WaitAsync(Patience);
        call.Send(new V1.ServerReflectionRequest { Host = "localhost", FileContainingSymbol = "grpc.testing.TestService.UnaryCall" });
        var files = await call.ReadAsync(V1.ServerReflectionResponse.Parser).WaitAsync(Patience);
        call.Send(new V1.ServerReflectionRequest { Host = "localhost", FileContainingSymbol = "grpc.testing.NoSuchThing" });
        var notFound = await call.ReadAsync(V1.ServerReflectionResponse.Parser).WaitAsync(Patience);
        call.CompleteRequests();
        var end = await call.ReadAsync(V1.ServerReflectionResponse.Parser).WaitAsync(Patience);

        Assert.Equal(
            ["grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection", "grpc.testing.TestService"],
            services!.ListServicesResponse.Service.Select(s => s.Name));
        Assert.Equal("localhost", services.ValidHost);
        Assert.Equal(
            ["grpc/testing/test.proto", "grpc/testing/empty.proto", "grpc/testing/messages.proto"],
            files!.FileDescriptorResponse.FileDescriptorProto.Select(bytes => FileDescriptorProto.Parser.ParseFrom(bytes).Name));
        Assert.Equal((int)StatusCode.NotFound, notFound!.ErrorResponse.ErrorCode);
        Assert.Null(end);
        Assert.Equal(0, await call.GetStatusAsync());
        Assert.DoesNotContain(_server.Logs.Entries, entry => entry.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task V1Alpha_AnswersLikeV1()
    {
        var request = new V1.ServerReflectionRequest { Host = "localhost", FileByFilename = "grpc/health/v1/health.proto" };
        await using var v1Call = _server.StartCall(ServerReflectionV1Methods.ServerReflectionInfo);
        await using var v1AlphaCall = _server.StartCall(ServerReflectionV1AlphaMethods.ServerReflectionInfo);

        v1Call.Send(request);
        v1AlphaCall.Send(V1Alpha.ServerReflectionRequest.Parser.ParseFrom(request.ToByteString()));
        var v1 = await v1Call.ReadAsync(V1.ServerReflectionResponse.Parser).WaitAsync(Patience);
        var v1Alpha = await v1AlphaCall.ReadAsync(V1Alpha.ServerReflectionResponse.Parser).WaitAsync(Patience);
        v1AlphaCall.CompleteRequests();

        Assert.Equal(V1Alpha.ServerReflectionResponse.MessageResponseOneofCase.FileDescriptorResponse, v1Alpha!.MessageResponseCase);
        Assert.Equal(v1!.ToByteString(), v1Alpha.ToByteString());
        Assert.Null(await v1AlphaCall.ReadAsync(V1Alpha.ServerReflectionResponse.Parser).WaitAsync(Patience));
        Assert.Equal(0, await v1AlphaCall.GetStatusAsync());
    }
}
