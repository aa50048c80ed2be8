using System.Reflection;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc.Server;
using CoordinationHub.Server.Hosting;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;

namespace CoordinationHub.Server.Services;

/// <summary><c>coordination.v1.HubInfoService</c>: lets an adapter prove connectivity, TLS and clock agreement.</summary>
public sealed class HubInfoService(IOptions<HubOptions> options, TimeProvider time) : IRpcService<HubInfoService>
{
    private static readonly string Version =
        typeof(HubInfoService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static void BindMethods(RpcServiceBinder<HubInfoService> binder) =>
        binder.AddUnary(HubInfoServiceMethods.GetHubInfo, (service, _, _) => Task.FromResult(service.GetHubInfo()));

    private GetHubInfoResponse GetHubInfo() => new()
    {
        HubName = options.Value.Name,
        Version = Version,
        ServerTime = Timestamp.FromDateTimeOffset(time.GetUtcNow()),
        ApiVersions = { HubInfoServiceMethods.Descriptor.File.Package },
    };
}
