using CoordinationHub.Rpc.Server;
using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace CoordinationHub.Rpc.Reflection;

/// <summary>
/// gRPC server reflection (<c>grpc.reflection.v1</c> and the deprecated, wire-identical <c>v1alpha</c>): lets
/// grpcurl, <c>buf curl</c> and Postman discover the mapped services and their proto files. Every request is
/// answered as soon as it arrives; clients send the next one only after reading the answer.
/// </summary>
/// <param name="registry">The mapped services, which are what reflection describes.</param>
public sealed class ServerReflectionService(RpcServiceRegistry registry) : IRpcService<ServerReflectionService>
{
    /// <inheritdoc />
    public static void BindMethods(RpcServiceBinder<ServerReflectionService> binder)
    {
        ArgumentNullException.ThrowIfNull(binder);
        binder
            .AddDuplexStreaming(ServerReflectionV1Methods.ServerReflectionInfo, (service, requests, responses, context) =>
                service.ServerReflectionInfo(requests, responses, context))
            .AddDuplexStreaming(ServerReflectionV1AlphaMethods.ServerReflectionInfo, (service, requests, responses, context) =>
                service.ServerReflectionInfoV1Alpha(requests, responses, context));
    }

    /// <summary>Answers each request on <paramref name="requests"/> with one response, until the client half-closes.</summary>
    public async Task ServerReflectionInfo(
        IAsyncEnumerable<ServerReflectionRequest> requests, IServerStreamWriter<ServerReflectionResponse> responses, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(context);

        // Built per call, and only when a request needs it, so that services mapped after this one are described
        // too and list_services stays cheap.
        ReflectionDescriptorIndex? index = null;
        await foreach (var request in requests.WithCancellation(context.CancellationToken))
        {
            var response = Answer(request, () => index ??= new ReflectionDescriptorIndex(registry.Descriptors));
            await responses.WriteAsync(response, context.CancellationToken);
        }
    }

    /// <summary>
    /// The same answers for <c>grpc.reflection.v1alpha</c>. Its messages differ from v1 only in their package, so
    /// they re-parse byte for byte and one implementation serves both.
    /// </summary>
    public Task ServerReflectionInfoV1Alpha(
        IAsyncEnumerable<V1Alpha.ServerReflectionRequest> requests, IServerStreamWriter<V1Alpha.ServerReflectionResponse> responses, ServerCallContext context) =>
        ServerReflectionInfo(V1AlphaReflectionAdapter.ToV1(requests), V1AlphaReflectionAdapter.FromV1(responses), context);

    private ServerReflectionResponse Answer(ServerReflectionRequest request, Func<ReflectionDescriptorIndex> index)
    {
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        switch (request.MessageRequestCase)
        {
            case ServerReflectionRequest.MessageRequestOneofCase.ListServices:
                response.ListServicesResponse = new ListServiceResponse();
                response.ListServicesResponse.Service.Add(registry.ServiceNames.Select(name => new ServiceResponse { Name = name }));
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileByFilename:
                SetFile(response, index().FindFileByName(request.FileByFilename), $"File not found: {request.FileByFilename}.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol:
                SetFile(response, index().FindFileContainingSymbol(request.FileContainingSymbol), $"Symbol not found: {request.FileContainingSymbol}.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension:
            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType:
                // Our protos are proto3, which declares no extensions of its messages, and clients ask for extensions
                // only of messages with extension ranges: NOT_FOUND is the truthful answer and lets them move on.
                SetError(response, StatusCode.NotFound, "Extensions are not supported.");
                break;
            default:
                SetError(response, StatusCode.InvalidArgument, "The request asks for nothing this server knows.");
                break;
        }

        return response;
    }

    private static void SetFile(ServerReflectionResponse response, FileDescriptor? file, string notFound)
    {
        if (file is null)
        {
            SetError(response, StatusCode.NotFound, notFound);
            return;
        }

        response.FileDescriptorResponse = new FileDescriptorResponse();
        response.FileDescriptorResponse.FileDescriptorProto.Add(ReflectionDescriptorIndex.SerializeWithDependencies(file));
    }

    private static void SetError(ServerReflectionResponse response, StatusCode code, string message) =>
        response.ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message };
}
