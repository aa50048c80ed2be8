using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Identifications;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Security;
using CoordinationHub.Server.Services.Agencies;
using CoordinationHub.Server.Services.Cases;
using Microsoft.EntityFrameworkCore;
using DomainState = CoordinationHub.Domain.Identifications.IdentificationState;

namespace CoordinationHub.Server.Services.Identifications;

/// <summary>The review by a second authority, and the record that the family was informed.</summary>
public sealed partial class IdentificationsService
{
    private Task<Identification> ConfirmAsync(ConfirmIdentificationRequest request, ServerCallContext context) =>
        ReviewAsync(request.IdentificationId, request.Etag, confirm: true, request.Note, "note", context);

    private Task<Identification> RejectAsync(RejectIdentificationRequest request, ServerCallContext context) =>
        ReviewAsync(request.IdentificationId, request.Etag, confirm: false, request.Reason, "reason", context);

    private async Task<Identification> ReviewAsync(string identificationId, string etag, bool confirm, string text, string textField, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var (record, caseRecord) = await FindForChangeAsync(identificationId, etag, text, textField, context).ConfigureAwait(false);
        var target = Target(record.IdentificationId);
        if (IdentificationReview.CheckReview(record.State, record.ReportingAgencyId, caller.AgencyId) is { } refusal)
        {
            throw await RefuseStepAsync(context, target, refusal).ConfigureAwait(false);
        }

        // A confirmation settles the case: only an open case can be settled, once.
        var open = CaseMapping.StatusName(CaseStatus.Open);
        if (confirm && caseRecord.Status != open)
        {
            throw await _calls.RefuseAsync(context, StatusCode.FailedPrecondition, target,
                $"case {caseRecord.CaseId} is {caseRecord.Status.ToLowerInvariant()}; only an open case can be identified.").ConfigureAwait(false);
        }

        var now = _calls.Now();
        record.State = confirm ? DomainState.Confirmed : DomainState.Rejected;
        record.ReviewingAgencyId = caller.AgencyId;
        record.ReviewNote = text.Trim();
        record.UpdatedAt = now;
        string outcome;
        if (confirm)
        {
            var status = record.MatchedPerson == IdentificationMapping.MatchedPersonName(MatchedPerson.Living) ? CaseStatus.LocatedAlive : CaseStatus.IdentifiedDeceased;
            caseRecord.Status = CaseMapping.StatusName(status);
            caseRecord.UpdatedAt = now;
            outcome = $"confirmed by {caller.AgencyId}; case {caseRecord.CaseId} is now {caseRecord.Status.ToLowerInvariant()}";
        }
        else
        {
            outcome = $"rejected by {caller.AgencyId}; case {caseRecord.CaseId} unchanged";
        }

        _db.CaseEvents.Add(CaseEvents.New(caseRecord.CaseId, now, caller.AgencyId, $"identification {record.IdentificationId} {outcome}", []));
        var kind = confirm ? NotificationKind.IdentificationConfirmed : NotificationKind.IdentificationRejected;
        var notified = await IdentificationNotifications.EnqueueAsync(_db, caseRecord, record, kind, caller.AgencyId, now, context.CancellationToken).ConfigureAwait(false);
        await CommitAsync(context, record, $"{outcome}; {notified}").ConfigureAwait(false);
        return IdentificationMapping.ToMessage(record);
    }

    private async Task<Identification> RecordFamilyInformedAsync(RecordFamilyInformedRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var (record, caseRecord) = await FindForChangeAsync(request.IdentificationId, request.Etag, text: null, textField: null, context).ConfigureAwait(false);
        var target = Target(record.IdentificationId);
        if (!await HoldsFamilyContactAsync(caseRecord, caller, context).ConfigureAwait(false))
        {
            throw await _calls.RefuseAsync(context, StatusCode.PermissionDenied, target,
                $"agency {caller.AgencyId} does not hold the family's contact on case {caseRecord.CaseId}; the liaison agency named in the case's contacts records the family informed.").ConfigureAwait(false);
        }

        if (IdentificationReview.CheckFamilyInformed(record.State, record.FamilyInformedAt is not null) is { } refusal)
        {
            throw await RefuseStepAsync(context, target, refusal).ConfigureAwait(false);
        }

        var now = _calls.Now();
        record.FamilyInformedByAgencyId = caller.AgencyId;
        record.FamilyInformedAt = now;
        record.UpdatedAt = now;
        _db.CaseEvents.Add(CaseEvents.New(caseRecord.CaseId, now, caller.AgencyId, $"family informed of identification {record.IdentificationId} by {caller.AgencyId}", []));
        var notified = await IdentificationNotifications.EnqueueAsync(_db, caseRecord, record, NotificationKind.FamilyInformed, caller.AgencyId, now, context.CancellationToken).ConfigureAwait(false);
        await CommitAsync(context, record, $"family informed by {caller.AgencyId}; {notified}").ConfigureAwait(false);
        return IdentificationMapping.ToMessage(record);
    }

    /// <summary>
    /// Whether the caller holds the family's contact: it is the liaison agency a contact of the case
    /// names, or, when no contact names one, a reporter of the case that claims the contact category.
    /// </summary>
    private async Task<bool> HoldsFamilyContactAsync(CaseRecord caseRecord, AuthenticatedAgency caller, ServerCallContext context)
    {
        var liaisons = CaseSectionColumns.ReadAll(caseRecord).Contacts.Select(c => c.LiaisonAgencyId).Where(a => a.Length > 0).ToList();
        if (liaisons.Count > 0)
        {
            return liaisons.Contains(caller.AgencyId, StringComparer.Ordinal);
        }

        return caller.DataCategories.Contains(DataCategories.Contact)
            && await _db.CaseReports.AnyAsync(r => (r.CaseId == caseRecord.CaseId || r.OriginalCaseId == caseRecord.CaseId) && r.AgencyId == caller.AgencyId, context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>The tracked identification and case for a change, after the request's own checks and the etag.</summary>
    private async Task<(IdentificationRecord Record, CaseRecord Case)> FindForChangeAsync(string identificationId, string etag, string? text, string? textField, ServerCallContext context)
    {
        uint expectedVersion = 0;
        var problem = (textField is null ? null : IdentificationRequestValidation.CheckText(text ?? string.Empty, textField, IdentificationRequestValidation.MaxNoteLength))
            ?? (etag.Length == 0 || AgencyMapping.TryParseEtag(etag, out expectedVersion) ? null : "etag is not one the hub issued; send the identification's etag as last read, or none.");
        if (problem is not null)
        {
            throw await _calls.RefuseAsync(context, StatusCode.InvalidArgument, "identification:" + identificationId, problem).ConfigureAwait(false);
        }

        var (record, caseRecord, _) = await FindVisibleAsync(identificationId, tracked: true, context).ConfigureAwait(false);
        if (etag.Length > 0 && record.Version != expectedVersion)
        {
            throw await _calls.RefuseAsync(context, StatusCode.Aborted, Target(record.IdentificationId),
                $"identification {identificationId} changed since etag {etag} was read; read it again and retry.").ConfigureAwait(false);
        }

        return (record, caseRecord);
    }

    private Task<RpcException> RefuseStepAsync(ServerCallContext context, string target, IdentificationRefusal refusal) =>
        _calls.RefuseAsync(context, refusal.Kind == IdentificationRefusalKind.WrongParty ? StatusCode.PermissionDenied : StatusCode.FailedPrecondition, target, refusal.Problem);
}
