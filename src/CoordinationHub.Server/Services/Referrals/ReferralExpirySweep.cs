using CoordinationHub.Domain.Referrals;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoordinationHub.Server.Services.Referrals;

/// <summary>
/// Stores the expiry of pending and accepted referrals past their due time, with a case event and
/// an audit entry each, in the same transaction. Every replica runs it: <c>FOR UPDATE SKIP LOCKED</c>
/// hands each overdue referral to exactly one of them, and a party's transition racing the sweep
/// loses on the row version (ABORTED) or finds the referral expired (FAILED_PRECONDITION).
/// </summary>
internal sealed class ReferralExpirySweep(IServiceScopeFactory scopes, IOptions<ReferralOptions> options, TimeProvider time, ILogger<ReferralExpirySweep> logger) : BackgroundService
{
    /// <summary>The audit trail's name for the sweep, where a call would name its gRPC method.</summary>
    public const string AuditMethod = "hub:referral-expiry-sweep";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpirySweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // A database outage must not stop the sweep for good; reads cover the gap (ReferralExpiry).
                ReferralsLog.SweepFailed(logger, e);
            }
        }
    }

    /// <summary>Expires every overdue referral, a batch per transaction; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var batchSize = options.Value.ExpiryBatchSize;
        var total = 0;
        int expired;
        do
        {
            expired = await ExpireBatchAsync(batchSize, cancellationToken).ConfigureAwait(false);
            total += expired;
        }
        while (expired == batchSize);

        if (total > 0)
        {
            ReferralsLog.Expired(logger, total);
        }

        return total;
    }

    private async Task<int> ExpireBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
        var now = DatabaseClock.Now(time);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // xmin is a system column: SELECT * leaves it out, and EF needs it as the row version.
        var overdue = await db.Referrals.FromSql($"""
            SELECT *, xmin FROM cases.referrals
            WHERE state IN ('Pending', 'Accepted') AND due_at <= {now}
            ORDER BY due_at
            LIMIT {batchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var referral in overdue)
        {
            Expire(referral, db, audit, now);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return overdue.Count;
    }

    private static void Expire(ReferralRecord referral, HubDbContext db, IAuditTrail audit, DateTimeOffset now)
    {
        var transition = ReferralTransitions.Apply(referral.State, ReferralAction.Expire, ReferralParty.Hub);
        referral.State = transition.Next ?? throw new InvalidOperationException($"The sweep selected referral {referral.ReferralId} in state {referral.State}: {transition.Problem}");
        referral.StateReason = ReferralExpiry.Reason;

        // The state changed at the due time; reads have said so since then.
        referral.UpdatedAt = referral.DueAt;
        db.CaseEvents.Add(ReferralEvents.Changed(referral, ReferralEvents.HubActor, now));
        ReferralNotifications.Changed(db, referral, ReferralEvents.HubActor, now);
        audit.Append(new AuditEntry
        {
            Method = AuditMethod,
            Decision = AuditDecision.Allowed,
            Target = "referral:" + referral.ReferralId,
            Reason = $"expired (case {referral.CaseId}, from {referral.FromAgencyId} to {referral.ToAgencyId}, due {referral.DueAt:O})",
        });
    }
}
