using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Server;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Security;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Services.Audit;

/// <summary>
/// <c>coordination.v1.AuditService</c>: auditors query, export and verify the access log. The
/// interceptor has already required <c>audit.read</c>. Every call is audited before it reads, in
/// its own commit, so even an export that fails half-way leaves a trace of who asked.
/// </summary>
public sealed class AuditService(HubDbContext db, IAuditTrail audit, AuditCheckpointKey key) : IRpcService<AuditService>
{
    private const string LogTarget = "audit-log";

    public static void BindMethods(RpcServiceBinder<AuditService> binder) => binder
        .AddUnary(AuditServiceMethods.QueryEntries, (s, r, c) => s.QueryEntriesAsync(r, c))
        .AddServerStreaming(AuditServiceMethods.ExportEntries, (s, r, w, c) => s.ExportEntriesAsync(r, w, c))
        .AddUnary(AuditServiceMethods.VerifyRange, (s, r, c) => s.VerifyRangeAsync(r, c));

    private async Task<QueryEntriesResponse> QueryEntriesAsync(QueryEntriesRequest request, ServerCallContext context)
    {
        if (AuditQuery.Check(request) is { } problem)
        {
            await audit.AppendNowAsync(context.AuditEntryFor(AuditDecision.Denied, LogTarget, $"{StatusCode.InvalidArgument}: {problem}"), context.CancellationToken).ConfigureAwait(false);
            throw new RpcException(StatusCode.InvalidArgument, problem);
        }

        await RecordAsync(context, AuditQuery.Describe(request), request.CaseId).ConfigureAwait(false);
        var pageSize = request.PageSize == 0 ? AuditQuery.DefaultPageSize : request.PageSize;
        var page = await AuditQuery.Page(db.AuditEntries.AsNoTracking(), request, pageSize).ToListAsync(context.CancellationToken).ConfigureAwait(false);

        var response = new QueryEntriesResponse();
        response.Entries.AddRange(page.Take(pageSize).Select(AuditMapping.ToMessage));
        if (page.Count > pageSize)
        {
            response.NextPageToken = AuditQuery.EncodePageToken(page[pageSize - 1].Id);
        }

        return response;
    }

    private async Task ExportEntriesAsync(ExportEntriesRequest request, IServerStreamWriter<ExportEntriesResponse> writer, ServerCallContext context)
    {
        var (fromSeq, toSeq) = await CheckRangeAsync(context, request.HasChain ? request.Chain : null, request.FromSeq, request.ToSeq).ConfigureAwait(false);
        await RecordAsync(context, $"export: {Describe(request.HasChain ? request.Chain : null, fromSeq, toSeq)}", string.Empty).ConfigureAwait(false);

        // Checkpoints first: each names an entry committed before it, so the entries read next
        // include it (unless the log was tampered with, which is what the verifier is for).
        var checkpoints = db.AuditCheckpoints.AsNoTracking().Where(c => c.Seq >= fromSeq && (toSeq == 0 || c.Seq <= toSeq));
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.Seq >= fromSeq && (toSeq == 0 || e.Seq <= toSeq));
        if (request.HasChain)
        {
            checkpoints = checkpoints.Where(c => c.Chain == request.Chain);
            entries = entries.Where(e => e.Chain == request.Chain);
        }

        foreach (var checkpoint in await checkpoints.OrderBy(c => c.Chain).ThenBy(c => c.Seq).ToListAsync(context.CancellationToken).ConfigureAwait(false))
        {
            await writer.WriteAsync(new ExportEntriesResponse { Checkpoint = AuditMapping.ToMessage(checkpoint) }, context.CancellationToken).ConfigureAwait(false);
        }

        await foreach (var entry in entries.OrderBy(e => e.Chain).ThenBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(context.CancellationToken).ConfigureAwait(false))
        {
            await writer.WriteAsync(new ExportEntriesResponse { Entry = AuditMapping.ToMessage(entry) }, context.CancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<VerifyRangeResponse> VerifyRangeAsync(VerifyRangeRequest request, ServerCallContext context)
    {
        int? chain = request.HasChain ? request.Chain : null;
        var (fromSeq, toSeq) = await CheckRangeAsync(context, chain, request.FromSeq, request.ToSeq).ConfigureAwait(false);
        await RecordAsync(context, $"verify: {Describe(chain, fromSeq, toSeq)}", string.Empty).ConfigureAwait(false);
        var result = await AuditRangeVerification.VerifyAsync(db, key.TrustedKeys, chain, fromSeq, toSeq, context.CancellationToken).ConfigureAwait(false);
        return AuditMapping.ToMessage(result);
    }

    private async Task<(long FromSeq, long ToSeq)> CheckRangeAsync(ServerCallContext context, int? chain, long fromSeq, long toSeq)
    {
        var problem = chain is < 0 or >= AuditChain.Count ? $"chain must be between 0 and {AuditChain.Count - 1}."
            : fromSeq < 0 || toSeq < 0 ? "from_seq and to_seq must not be negative."
            : toSeq > 0 && toSeq < Math.Max(fromSeq, 1) ? "to_seq must not be before from_seq."
            : null;
        if (problem is not null)
        {
            await audit.AppendNowAsync(context.AuditEntryFor(AuditDecision.Denied, LogTarget, $"{StatusCode.InvalidArgument}: {problem}"), context.CancellationToken).ConfigureAwait(false);
            throw new RpcException(StatusCode.InvalidArgument, problem);
        }

        return (Math.Max(fromSeq, 1), toSeq);
    }

    /// <summary>The auditor's own access, committed before anything is read.</summary>
    private async Task RecordAsync(ServerCallContext context, string what, string caseId)
    {
        audit.Append(context.AuditEntryFor(AuditDecision.Allowed, LogTarget, what) with { CaseId = caseId });
        await db.SaveChangesAsync(context.CancellationToken).ConfigureAwait(false);
    }

    private static string Describe(int? chain, long fromSeq, long toSeq) =>
        $"{(chain is { } c ? $"chain {c}" : "all chains")}, seq {fromSeq}..{(toSeq == 0 ? "head" : toSeq)}";
}
