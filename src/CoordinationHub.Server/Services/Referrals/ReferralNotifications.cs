using CoordinationHub.Contracts.V1;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Services.Notifications;

namespace CoordinationHub.Server.Services.Referrals;

/// <summary>
/// What the parties of a referral hear of it: the recipient that it arrived, each party that the
/// other (or the hub) changed it. A referral exists only for its two parties, so only they are
/// told, and it carries no view of the case: a pending referral opens nothing.
/// </summary>
internal static class ReferralNotifications
{
    public static void Received(HubDbContext db, ReferralRecord referral, DateTimeOffset now) =>
        NotificationOutbox.Enqueue(db, referral.ToAgencyId, Of(referral, NotificationKind.ReferralReceived, referral.FromAgencyId,
            $"referral {referral.ReferralId} from {referral.FromAgencyId} for {referral.Purpose}", now), now);

    /// <summary>Tells every party but the actor (both, when the hub acted) of the referral's new state.</summary>
    public static void Changed(HubDbContext db, ReferralRecord referral, string actorAgencyId, DateTimeOffset now)
    {
        var notification = Of(referral, NotificationKind.ReferralChanged, actorAgencyId,
            $"referral {referral.ReferralId} from {referral.FromAgencyId} to {referral.ToAgencyId} is now {referral.State.ToString().ToLowerInvariant()}", now);
        foreach (var party in new[] { referral.FromAgencyId, referral.ToAgencyId }.Where(p => p != actorAgencyId))
        {
            NotificationOutbox.Enqueue(db, party, notification, now);
        }
    }

    private static Notification Of(ReferralRecord referral, NotificationKind kind, string actorAgencyId, string summary, DateTimeOffset now)
    {
        var message = ReferralMapping.ToMessage(referral, now);

        // The etag is of the row before this commit: a notification is not a read to act on.
        message.Etag = string.Empty;
        return new Notification { Kind = kind, CaseId = referral.CaseId, ActorAgencyId = actorAgencyId, Summary = summary, Referral = message };
    }
}
