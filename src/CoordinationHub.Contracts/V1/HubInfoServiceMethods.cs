using CoordinationHub.Rpc;
using Google.Protobuf.Reflection;

namespace CoordinationHub.Contracts.V1;

/// <summary>The method table of <c>coordination.v1.HubInfoService</c>.</summary>
public static class HubInfoServiceMethods
{
    /// <summary>The service descriptor generated from <c>coordination/v1/hub_info.proto</c>.</summary>
    public static ServiceDescriptor Descriptor { get; } = HubInfoReflection.Descriptor.FindTypeByName<ServiceDescriptor>("HubInfoService");

    /// <summary><c>GetHubInfo</c>: identity, version and clock of the hub.</summary>
    public static Method<GetHubInfoRequest, GetHubInfoResponse> GetHubInfo { get; } =
        Method.FromDescriptor<GetHubInfoRequest, GetHubInfoResponse>(Descriptor, nameof(GetHubInfo));
}
