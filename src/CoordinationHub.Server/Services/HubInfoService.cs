using System.Reflection;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Server;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Hosting;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Security;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;

namespace CoordinationHub.Server.Services;

/// <summary><c>coordination.v1.HubInfoService</c>: lets an adapter prove connectivity, TLS and clock agreement.</summary>
public sealed class HubInfoService(IOptions<HubOptions> options, TimeProvider time, HubDbContext db, IAuditTrail audit) : IRpcService<HubInfoService>
{
    private static readonly string Version =
        typeof(HubInfoService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static void BindMethods(RpcServiceBinder<HubInfoService> binder) =>
        binder.AddUnary(HubInfoServiceMethods.GetHubInfo, (service, _, context) => service.GetHubInfoAsync(context));

    // Nothing about any case, but still a call of an identified agency: audited like every other.
    private async Task<GetHubInfoResponse> GetHubInfoAsync(ServerCallContext context)
    {
        audit.Append(context.AuditEntryFor(AuditDecision.Allowed, "hub", "hub info read"));
        await db.SaveChangesAsync(context.CancellationToken).ConfigureAwait(false);
        return new GetHubInfoResponse
        {
            HubName = options.Value.Name,
            Version = Version,
            ServerTime = Timestamp.FromDateTimeOffset(time.GetUtcNow()),
            ApiVersions = { HubInfoServiceMethods.Descriptor.File.Package },
        };
    }
}
