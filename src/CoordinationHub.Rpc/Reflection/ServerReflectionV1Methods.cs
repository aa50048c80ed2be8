using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;

namespace CoordinationHub.Rpc.Reflection;

/// <summary>The method table of <c>grpc.reflection.v1.ServerReflection</c>.</summary>
public static class ServerReflectionV1Methods
{
    /// <summary>The service descriptor generated from <c>grpc/reflection/v1/reflection.proto</c>.</summary>
    public static ServiceDescriptor Descriptor { get; } = ReflectionReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ServerReflection");

    /// <summary><c>ServerReflectionInfo</c>: one answer per request, on a bidirectional stream.</summary>
    public static Method<ServerReflectionRequest, ServerReflectionResponse> ServerReflectionInfo { get; } =
        Method.FromDescriptor<ServerReflectionRequest, ServerReflectionResponse>(Descriptor, "ServerReflectionInfo");
}
