using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Disclosure;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Persistence.Records.Notifications;
using CoordinationHub.Server.Security;
using CoordinationHub.Server.Services.Cases;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace CoordinationHub.Server.Services.Notifications;

/// <summary>
/// The one way anything becomes a notification: rows staged in the caller's unit of work, so they
/// commit with the change that caused them or not at all. Sequences are assigned at commit by the
/// database (docs/adr/0010-notifications-outbox.md); nothing here numbers anything.
/// </summary>
internal static class NotificationOutbox
{
    /// <summary>Stages <paramref name="notification"/> for one recipient, as given (the caller has cut it).</summary>
    public static void Enqueue(HubDbContext db, string recipientAgencyId, Notification notification, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(notification);
        var id = Guid.CreateVersion7(now);
        var copy = notification.Clone();
        copy.NotificationId = id.ToString();
        copy.Sequence = 0;
        copy.EventTime ??= Timestamp.FromDateTimeOffset(now);
        db.Notifications.Add(new NotificationRecord
        {
            NotificationId = id,
            RecipientAgencyId = recipientAgencyId,
            CaseId = notification.CaseId,
            Kind = NotificationMapping.KindName(notification.Kind),
            Payload = copy.ToByteArray(),
            CreatedAt = now,
        });
    }

    /// <summary>
    /// Stages <paramref name="template"/> for every stakeholder of the case but the actor, each copy
    /// carrying the case as that recipient may see it for <paramref name="purpose"/>, and
    /// <paramref name="cut"/> applied to the rest of the payload under that recipient's decision.
    /// Returns the recipients and what each was disclosed, for the caller's audit entry.
    /// </summary>
    public static async Task<string> EnqueueForStakeholdersAsync(
        HubDbContext db, CaseRecord caseRecord, Notification template, string purpose, DateTimeOffset now, CancellationToken cancellationToken,
        Action<Notification, DisclosureDecision?>? cut = null)
    {
        ArgumentNullException.ThrowIfNull(caseRecord);
        ArgumentNullException.ThrowIfNull(template);
        var stakeholders = await CaseStakeholders.ForAsync(db, caseRecord, cancellationToken).ConfigureAwait(false);
        var notified = new List<string>(stakeholders.Count);
        foreach (var recipient in stakeholders.Where(a => a.AgencyId != template.ActorAgencyId))
        {
            var notification = template.Clone();
            var decision = await DecideForAsync(db, caseRecord.CaseId, recipient, purpose, now, cancellationToken).ConfigureAwait(false);
            notification.Case = decision is null ? null : CaseViews.Build(caseRecord, [], [], decision);
            cut?.Invoke(notification, decision);
            Enqueue(db, recipient.AgencyId, notification, now);
            notified.Add(decision is null ? recipient.AgencyId : $"{recipient.AgencyId} [{string.Join(' ', decision.Disclosed)}]");
        }

        return notified.Count == 0 ? "no stakeholder notified" : "notified " + string.Join(", ", notified);
    }

    /// <summary>The recipient's disclosure decision on the case, as CaseReading makes it for a caller; null when the case does not exist for it.</summary>
    private static async Task<DisclosureDecision?> DecideForAsync(HubDbContext db, string caseId, AgencyRecord recipient, string purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var relationship = await CaseAccess.RelationshipAsync(db, caseId, recipient.AgencyId, cancellationToken).ConfigureAwait(false);
        if (relationship == CaseRelationship.None)
        {
            return null;
        }

        var claims = new AuthenticatedAgency
        {
            AgencyId = recipient.AgencyId,
            CertificateThumbprint = string.Empty,
            Kind = recipient.Kind,
            Scopes = recipient.Scopes.ToHashSet(StringComparer.Ordinal),
            DataCategories = recipient.DataCategories.ToHashSet(StringComparer.Ordinal),
            Purposes = recipient.Purposes.ToHashSet(StringComparer.Ordinal),
        };
        return await PolicyCaseDisclosure.DecideAsync(db, claims, caseId, relationship, purpose, now, cancellationToken).ConfigureAwait(false);
    }
}
