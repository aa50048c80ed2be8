using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Server;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Security;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoordinationHub.Server.Services.Notifications;

/// <summary>
/// <c>coordination.v1.NotificationsService</c>: each agency's outbox rows, in sequence (commit)
/// order, on a stream that reads the database a page at a time, sleeps until this replica's
/// listener wakes it (or the poll interval passes), and sends heartbeats. At each heartbeat the
/// agency's standing is checked again through the agency directory (at most 1 s stale): a
/// suspended or revoked agency's stream ends with PERMISSION_DENIED. A stream holds at most one
/// page in memory and writes each message with back-pressure, so a slow consumer slows only itself.
/// </summary>
public sealed class NotificationsService(
    HubDbContext db, IAuditTrail audit, NotificationWakeups wakeups, AgencyDirectory directory, IOptions<NotificationOptions> options, TimeProvider time)
    : IRpcService<NotificationsService>
{
    public static void BindMethods(RpcServiceBinder<NotificationsService> binder) => binder
        .AddServerStreaming(NotificationsServiceMethods.Subscribe, (s, r, w, c) => s.SubscribeAsync(r, w, c))
        .AddUnary(NotificationsServiceMethods.Ack, (s, r, c) => s.AckAsync(r, c));

    private async Task SubscribeAsync(SubscribeRequest request, IServerStreamWriter<SubscribeResponse> writer, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var target = "notifications:" + caller.AgencyId;
        var cancellationToken = context.CancellationToken;
        if (request.HasAfterSequence && request.AfterSequence < 0)
        {
            throw await RefuseAsync(context, StatusCode.InvalidArgument, target, "after_sequence must not be negative.").ConfigureAwait(false);
        }

        var cursor = request.HasAfterSequence ? request.AfterSequence : await AckedAsync(caller.AgencyId, cancellationToken).ConfigureAwait(false);
        await audit.AppendNowAsync(context.AuditEntryFor(AuditDecision.Allowed, target, $"subscribed after sequence {cursor}"), cancellationToken).ConfigureAwait(false);

        // Registered before the first read: a commit after that read wakes the wait below.
        using var wakeup = wakeups.Register(caller.AgencyId);
        var settings = options.Value;
        var lastHeartbeat = long.MinValue;
        while (true)
        {
            if (lastHeartbeat == long.MinValue || time.GetElapsedTime(lastHeartbeat) >= settings.HeartbeatInterval)
            {
                await EnsureStandingAsync(context, target).ConfigureAwait(false);
                var head = await HeadAsync(caller.AgencyId, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(new SubscribeResponse { Heartbeat = new Heartbeat { Time = Timestamp.FromDateTimeOffset(time.GetUtcNow()), HeadSequence = head } }, cancellationToken).ConfigureAwait(false);
                lastHeartbeat = time.GetTimestamp();
            }

            var page = await db.Notifications.AsNoTracking()
                .Where(n => n.RecipientAgencyId == caller.AgencyId && n.Sequence > cursor)
                .OrderBy(n => n.Sequence).Take(settings.PageSize)
                .Select(n => new { n.Sequence, n.Payload })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var row in page)
            {
                var notification = Notification.Parser.ParseFrom(row.Payload);
                notification.Sequence = row.Sequence!.Value;
                await writer.WriteAsync(new SubscribeResponse { Notification = notification }, cancellationToken).ConfigureAwait(false);
                cursor = notification.Sequence;
            }

            if (page.Count < settings.PageSize)
            {
                var untilHeartbeat = settings.HeartbeatInterval - time.GetElapsedTime(lastHeartbeat);
                var wait = untilHeartbeat < settings.PollInterval ? untilHeartbeat : settings.PollInterval;
                if (wait > TimeSpan.Zero)
                {
                    await wakeup.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task<AckResponse> AckAsync(AckRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var target = "notifications:" + caller.AgencyId;
        var cancellationToken = context.CancellationToken;
        var head = await HeadAsync(caller.AgencyId, cancellationToken).ConfigureAwait(false);
        var problem = request.Sequence < 0 ? "sequence must not be negative."
            : request.Sequence > head ? $"sequence {request.Sequence} is beyond the last notification ({head}); acknowledge only what was received."
            : null;
        if (problem is not null)
        {
            throw await RefuseAsync(context, StatusCode.InvalidArgument, target, problem).ConfigureAwait(false);
        }

        // An older ack (a retry, or two adapters of one agency) never moves progress back.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO notifications.progress (agency_id, acked_sequence, updated_at) VALUES ({caller.AgencyId}, {request.Sequence}, now())
            ON CONFLICT (agency_id) DO UPDATE SET acked_sequence = GREATEST(progress.acked_sequence, EXCLUDED.acked_sequence), updated_at = EXCLUDED.updated_at
            """, cancellationToken).ConfigureAwait(false);
        var acked = await AckedAsync(caller.AgencyId, cancellationToken).ConfigureAwait(false);
        audit.Append(context.AuditEntryFor(AuditDecision.Allowed, target, $"acknowledged up to sequence {request.Sequence} (now {acked})"));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new AckResponse { AckedSequence = acked };
    }

    /// <summary>Ends the stream with PERMISSION_DENIED once the agency or its certificate may no longer call.</summary>
    private async Task EnsureStandingAsync(ServerCallContext context, string target)
    {
        var caller = context.GetCaller();
        var grant = await directory.FindAsync(caller.CertificateThumbprint, context.CancellationToken).ConfigureAwait(false);
        var refusal = grant is null ? $"the certificate of agency {caller.AgencyId} is no longer registered"
            : grant.CertificateRevoked ? $"the certificate of agency {caller.AgencyId} was revoked"
            : grant.Status != Domain.Trust.AgencyStatus.Active ? $"agency {caller.AgencyId} is {grant.Status.ToString().ToLowerInvariant()}"
            : null;
        if (refusal is not null)
        {
            throw await RefuseAsync(context, StatusCode.PermissionDenied, target, refusal + "; the notification stream is closed.").ConfigureAwait(false);
        }
    }

    private Task<long> HeadAsync(string agencyId, CancellationToken cancellationToken) =>
        db.NotificationHeads.AsNoTracking().Where(h => h.AgencyId == agencyId).Select(h => h.LastSequence).SingleOrDefaultAsync(cancellationToken);

    private Task<long> AckedAsync(string agencyId, CancellationToken cancellationToken) =>
        db.NotificationProgress.AsNoTracking().Where(p => p.AgencyId == agencyId).Select(p => p.AckedSequence).SingleOrDefaultAsync(cancellationToken);

    private async Task<RpcException> RefuseAsync(ServerCallContext context, StatusCode code, string target, string message)
    {
        // Not bound to the call: a stream refused because the client is gone must still be recorded.
        await audit.AppendNowAsync(context.AuditEntryFor(AuditDecision.Denied, target, $"{code}: {message}"), CancellationToken.None).ConfigureAwait(false);
        return new RpcException(code, message);
    }
}
