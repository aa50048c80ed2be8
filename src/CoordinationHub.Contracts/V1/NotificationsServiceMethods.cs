using CoordinationHub.Rpc;
using Google.Protobuf.Reflection;

namespace CoordinationHub.Contracts.V1;

/// <summary>The method table of <c>coordination.v1.NotificationsService</c>.</summary>
public static class NotificationsServiceMethods
{
    /// <summary>The service descriptor generated from <c>coordination/v1/notifications.proto</c>.</summary>
    public static ServiceDescriptor Descriptor { get; } = NotificationsReflection.Descriptor.FindTypeByName<ServiceDescriptor>("NotificationsService");

    /// <summary><c>Subscribe</c>: streams the caller's notifications in commit order, with heartbeats.</summary>
    public static Method<SubscribeRequest, SubscribeResponse> Subscribe { get; } = Method.FromDescriptor<SubscribeRequest, SubscribeResponse>(Descriptor, nameof(Subscribe));

    /// <summary><c>Ack</c>: records the caller's progress.</summary>
    public static Method<AckRequest, AckResponse> Ack { get; } = Method.FromDescriptor<AckRequest, AckResponse>(Descriptor, nameof(Ack));
}
