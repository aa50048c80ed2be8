using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Services.Notifications;

namespace CoordinationHub.Server.Services.Identifications;

/// <summary>
/// What the stakeholders of a case hear of an identification: the step, the identification with
/// its forensic details only for those disclosed their category, and the case as each may see it
/// for identification.
/// </summary>
internal static class IdentificationNotifications
{
    public static Task<string> EnqueueAsync(HubDbContext db, CaseRecord caseRecord, IdentificationRecord record, NotificationKind kind, string actorAgencyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var template = new Notification
        {
            Kind = kind,
            CaseId = caseRecord.CaseId,
            ActorAgencyId = actorAgencyId,
            Summary = kind switch
            {
                NotificationKind.IdentificationReported => $"identification {record.IdentificationId} reported by {record.ReportingAgencyId}, awaiting review",
                NotificationKind.IdentificationConfirmed => $"identification {record.IdentificationId} confirmed by {actorAgencyId}",
                NotificationKind.IdentificationRejected => $"identification {record.IdentificationId} rejected by {actorAgencyId}",
                _ => $"family informed of identification {record.IdentificationId} by {actorAgencyId}",
            },
            Identification = IdentificationMapping.ToMessage(record),
        };

        // The etag is of the row before this commit: a notification is not a read to act on.
        template.Identification.Etag = string.Empty;
        return NotificationOutbox.EnqueueForStakeholdersAsync(db, caseRecord, template, Purposes.Identification, now, cancellationToken,
            (notification, decision) => IdentificationMapping.CutDetails(notification.Identification, decision));
    }
}
