using Google.Protobuf;
using V1 = Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace CoordinationHub.Rpc.Reflection;

/// <summary>
/// Converts <c>grpc.reflection.v1alpha</c> messages to and from v1 by re-parsing their bytes. Copying costs little
/// on a debugging service and, unlike parsing v1alpha bytes straight into v1 types, keeps every method table true
/// to its descriptor.
/// </summary>
internal static class V1AlphaReflectionAdapter
{
    public static IAsyncEnumerable<V1.ServerReflectionRequest> ToV1(IAsyncEnumerable<V1Alpha.ServerReflectionRequest> requests) =>
        requests.Select(request => V1.ServerReflectionRequest.Parser.ParseFrom(request.ToByteString()));

    public static IServerStreamWriter<V1.ServerReflectionResponse> FromV1(IServerStreamWriter<V1Alpha.ServerReflectionResponse> responses) =>
        new V1AlphaWriter(responses);

    private sealed class V1AlphaWriter(IServerStreamWriter<V1Alpha.ServerReflectionResponse> responses) : IServerStreamWriter<V1.ServerReflectionResponse>
    {
        public Task WriteAsync(V1.ServerReflectionResponse message, CancellationToken cancellationToken = default) =>
            responses.WriteAsync(V1Alpha.ServerReflectionResponse.Parser.ParseFrom(message.ToByteString()), cancellationToken);
    }
}
