using CoordinationHub.Contracts.V1;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Services.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Services.Consents;

/// <summary>
/// Tells everyone with a stake in a case that a consent on it was withdrawn, in the withdrawal's own
/// unit of work: an adapter that cached a view must learn at once that part of it may no longer be used.
/// </summary>
internal static class ConsentNotifications
{
    /// <summary>Stages the notices; returns whom, for the withdrawal's audit entry.</summary>
    public static async Task<string> StageWithdrawalAsync(HubDbContext db, DisclosureGrantRecord consent, string actorAgencyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(consent);
        var caseRecord = await db.Cases.AsNoTracking().SingleAsync(c => c.CaseId == consent.CaseId, cancellationToken).ConfigureAwait(false);
        var template = new Notification
        {
            Kind = NotificationKind.ConsentWithdrawn,
            CaseId = consent.CaseId,
            ActorAgencyId = actorAgencyId,
            Summary = $"consent {consent.GrantId} withdrawn: {string.Join(' ', consent.DataCategories)} no longer disclosed on its basis for {string.Join(' ', consent.Purposes)}; read the case again for your current view",
        };

        // No case view in the notice: the grants are read from the database, where the withdrawal is
        // not yet committed, so a view cut now could still carry what the family just took back.
        return await NotificationOutbox.EnqueueForStakeholdersAsync(
            db, caseRecord, template, consent.Purposes.FirstOrDefault() ?? Domain.Trust.Purposes.Search, now, cancellationToken,
            (notification, _) => notification.Case = null).ConfigureAwait(false);
    }
}
