using System.Collections.Concurrent;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Server;
using CoordinationHub.Server.Security;

namespace CoordinationHub.Server.Tests.Infrastructure;

/// <summary>
/// An interceptor registered after authentication that records the caller each admitted call
/// carries, keyed by certificate thumbprint: how tests see what services will see.
/// </summary>
public sealed class CallerProbe : IServerCallInterceptor
{
    private readonly ConcurrentDictionary<string, AuthenticatedAgency> _last = new(StringComparer.Ordinal);

    public AuthenticatedAgency? LastCallerWith(string thumbprint) => _last.GetValueOrDefault(thumbprint);

    public Task InterceptAsync(ServerCallContext context, Func<ServerCallContext, Task> continuation)
    {
        var caller = context.GetCaller();
        _last[caller.CertificateThumbprint] = caller;
        return continuation(context);
    }
}
