using Google.Protobuf.Reflection;
using Grpc.Health.V1;

namespace CoordinationHub.Rpc.Health;

/// <summary>The method table of <c>grpc.health.v1.Health</c>.</summary>
public static class HealthServiceMethods
{
    /// <summary>The service descriptor generated from <c>grpc/health/v1/health.proto</c>.</summary>
    public static ServiceDescriptor Descriptor { get; } = HealthReflection.Descriptor.FindTypeByName<ServiceDescriptor>("Health");

    /// <summary><c>Check</c>: the current serving status of one service, or of the server for <c>""</c>.</summary>
    public static Method<HealthCheckRequest, HealthCheckResponse> Check { get; } =
        Method.FromDescriptor<HealthCheckRequest, HealthCheckResponse>(Descriptor, "Check");

    /// <summary><c>Watch</c>: the current serving status of one service, then every change of it.</summary>
    public static Method<HealthCheckRequest, HealthCheckResponse> Watch { get; } =
        Method.FromDescriptor<HealthCheckRequest, HealthCheckResponse>(Descriptor, "Watch");
}
