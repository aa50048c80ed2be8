using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc.Server;

namespace CoordinationHub.Server.Tests.Infrastructure;

/// <summary>
/// Stands in for <c>coordination.v1.AgenciesService</c> until the real one is mapped by the hub,
/// so that a method requiring <c>agencies.admin</c> can be called. Answers GetAgency with an echo.
/// </summary>
public sealed class StubAgenciesService : IRpcService<StubAgenciesService>
{
    /// <summary>True when the hub maps its own AgenciesService, which then replaces this stub.</summary>
    public static bool RealServiceExists =>
        typeof(Hosting.RpcHostingExtensions).Assembly.GetType("CoordinationHub.Server.Services.AgenciesService") is not null;

    public static void BindMethods(RpcServiceBinder<StubAgenciesService> binder) =>
        binder.AddUnary(AgenciesServiceMethods.GetAgency, (_, request, _) => Task.FromResult(new Agency { AgencyId = request.AgencyId }));
}
