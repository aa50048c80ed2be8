using Google.Protobuf.Reflection;
using Grpc.Reflection.V1Alpha;

namespace CoordinationHub.Rpc.Reflection;

/// <summary>
/// The method table of <c>grpc.reflection.v1alpha.ServerReflection</c>, the deprecated twin of v1 that older
/// clients (and grpcurl, as its fallback) still call.
/// </summary>
public static class ServerReflectionV1AlphaMethods
{
    /// <summary>The service descriptor generated from <c>grpc/reflection/v1alpha/reflection.proto</c>.</summary>
    public static ServiceDescriptor Descriptor { get; } = ReflectionReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ServerReflection");

    /// <summary><c>ServerReflectionInfo</c>: one answer per request, on a bidirectional stream.</summary>
    public static Method<ServerReflectionRequest, ServerReflectionResponse> ServerReflectionInfo { get; } =
        Method.FromDescriptor<ServerReflectionRequest, ServerReflectionResponse>(Descriptor, "ServerReflectionInfo");
}
