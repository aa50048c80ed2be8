using CoordinationHub.Client.Internal;
using CoordinationHub.Contracts.V1;

namespace CoordinationHub.Client.Services;

/// <summary>
/// <c>coordination.v1.AuditService</c>: the tamper-evident audit log: query, export and verification (auditors). One method per RPC, each through the
/// connection's credentials, default deadline and retry rules (<see cref="HubConnection"/>); a
/// refusal arrives as <see cref="Rpc.RpcException"/> with the hub's status.
/// </summary>
public sealed class AuditClient
{
    private readonly HubCallInvoker _invoker;

    internal AuditClient(HubCallInvoker invoker) => _invoker = invoker;

    /// <summary><c>QueryEntries</c>: pages through matching entries, newest first.</summary>
    public Task<QueryEntriesResponse> QueryEntriesAsync(QueryEntriesRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(AuditServiceMethods.QueryEntries, request, cancellationToken);

    /// <summary><c>ExportEntries</c>: streams checkpoints, then entries, of a range of the chains.</summary>
    public IAsyncEnumerable<ExportEntriesResponse> ExportEntriesAsync(ExportEntriesRequest request, CancellationToken cancellationToken = default) => _invoker.ServerStreamingAsync(AuditServiceMethods.ExportEntries, request, cancellationToken);

    /// <summary><c>VerifyRange</c>: verifies a range of the chains on the hub.</summary>
    public Task<VerifyRangeResponse> VerifyRangeAsync(VerifyRangeRequest request, CancellationToken cancellationToken = default) => _invoker.UnaryAsync(AuditServiceMethods.VerifyRange, request, cancellationToken);
}
