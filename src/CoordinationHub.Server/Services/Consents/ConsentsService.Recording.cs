using CoordinationHub.Domain.Disclosure;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Security;
using CoordinationHub.Server.Services.Cases;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CoordinationHub.Server.Services.Consents;

/// <summary>
/// Recording a consent or an authorisation: idempotency, who may record, the time, the recipients,
/// and (for consents) no overlap with one in force, checked and stored under a per-case lock so two
/// concurrent records cannot both pass the overlap check.
/// </summary>
public sealed partial class ConsentsService
{
    /// <summary>The agency kind that records legal authorisations (the proto name without prefix).</summary>
    public const string JudicialKind = "JUSTICE";

    private const string UniqueViolation = "23505";

    private async Task<DisclosureGrantRecord> RecordAsync(GrantDraft draft, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var target = CaseCalls.Target(draft.CaseId);

        // A retry is answered before the time-dependent checks: the first request passed them.
        if (await FindByRequestAsync(caller.AgencyId, draft.RequestId, context).ConfigureAwait(false) is { } earlier)
        {
            return await ReplayAsync(earlier, draft, context).ConfigureAwait(false);
        }

        await CheckMayRecordAsync(draft, caller, context).ConfigureAwait(false);
        var now = calls.Now();
        if (GrantRequestValidation.CheckAgainstNow(draft, now) is { } tooEarly)
        {
            throw await calls.RefuseAsync(context, StatusCode.InvalidArgument, target, tooEarly).ConfigureAwait(false);
        }

        // The registry of agencies is not secret (agencies are public institutions): an unknown
        // recipient is NOT_FOUND, as for referrals.
        var recipients = draft.Scope.RecipientAgencyIds;
        var registered = await db.Agencies.AsNoTracking().Where(a => recipients.Contains(a.AgencyId)).Select(a => a.AgencyId)
            .ToListAsync(context.CancellationToken).ConfigureAwait(false);
        if (recipients.FirstOrDefault(r => !registered.Contains(r)) is { } unknown)
        {
            throw await calls.RefuseAsync(context, StatusCode.NotFound, target, $"agency '{unknown}' is not registered.").ConfigureAwait(false);
        }

        var record = NewRecord(draft, caller.AgencyId, now);
        try
        {
            if (await StoreUnlessOverlappingAsync(record, draft, context).ConfigureAwait(false) is { } overlap)
            {
                throw await calls.RefuseAsync(context, StatusCode.FailedPrecondition, target, GrantOverlap.Describe(overlap)).ConfigureAwait(false);
            }
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: UniqueViolation })
        {
            // A concurrent retry with the same request_id committed first: answer as a retry.
            db.DiscardChanges();
            var winner = await FindByRequestAsync(caller.AgencyId, draft.RequestId, context).ConfigureAwait(false)
                ?? throw new InvalidOperationException("A unique violation on a grant request id left no grant behind.", e);
            return await ReplayAsync(winner, draft, context).ConfigureAwait(false);
        }

        return record;
    }

    /// <summary>
    /// A consent is recorded by an agency that sees the case (it collected the form from the family
    /// it is in contact with); NOT_FOUND otherwise. An authorisation is recorded by a judicial
    /// agency holding authorisations.write, which need not see the case: courts order disclosure on
    /// cases they hold no report of. It learns only whether the case id exists.
    /// </summary>
    private async Task CheckMayRecordAsync(GrantDraft draft, AuthenticatedAgency caller, ServerCallContext context)
    {
        if (draft.Kind == DisclosureGrantKind.Consent)
        {
            await calls.FindVisibleAsync(context, draft.CaseId, track: false).ConfigureAwait(false);
            return;
        }

        var target = CaseCalls.Target(draft.CaseId);
        if (caller.Kind != JudicialKind)
        {
            throw await calls.RefuseAsync(context, StatusCode.PermissionDenied, target, $"legal authorisations are recorded by judicial agencies (kind {JudicialKind}) only.").ConfigureAwait(false);
        }

        if (!await db.Cases.AnyAsync(c => c.CaseId == draft.CaseId, context.CancellationToken).ConfigureAwait(false))
        {
            throw await calls.RefuseAsync(context, StatusCode.NotFound, target, CaseCalls.NotFoundMessage(draft.CaseId)).ConfigureAwait(false);
        }
    }

    /// <summary>Stores the grant with its case event and audit entry; for a consent, first takes the case's lock and returns an overlapping consent instead, if any.</summary>
    private async Task<DisclosureGrantRecord?> StoreUnlessOverlappingAsync(DisclosureGrantRecord record, GrantDraft draft, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (draft.Kind == DisclosureGrantKind.Consent)
        {
            var lockKey = "disclosure-grants:" + draft.CaseId;
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({lockKey}))", cancellationToken).ConfigureAwait(false);
            var live = await db.DisclosureGrants.AsNoTracking()
                .Where(g => g.CaseId == draft.CaseId && g.Kind == DisclosureGrantKind.Consent && g.WithdrawnAt == null)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (GrantOverlap.Find(draft, record.ValidFrom, live) is { } overlap)
            {
                return overlap;
            }
        }

        db.DisclosureGrants.Add(record);
        db.CaseEvents.Add(GrantEvents.Recorded(record));
        var what = $"{(record.Kind == DisclosureGrantKind.Consent ? "consent" : "legal authorisation")} {record.GrantId} recorded ({record.Origin}, {record.Reference}): "
            + $"[{string.Join(' ', record.Purposes)}] [{string.Join(' ', record.DataCategories)}] to [{GrantEvents.Recipients(record)}], "
            + $"valid {record.ValidFrom:O} until {(record.ValidUntil is { } until ? until.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : "withdrawn")}";
        await calls.CommitAsync(context, CaseCalls.Target(record.CaseId), what).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return null;
    }

    private static DisclosureGrantRecord NewRecord(GrantDraft draft, string agencyId, DateTimeOffset now) => new()
    {
        GrantId = Guid.CreateVersion7(now),
        CaseId = draft.CaseId,
        Kind = draft.Kind,
        Origin = draft.Origin,
        GiverRelation = draft.GiverRelation,
        Reference = draft.Reference,
        IssuingBody = draft.IssuingBody,
        RecordedByAgencyId = agencyId,
        Purposes = [.. draft.Scope.Purposes],
        DataCategories = [.. draft.Scope.Categories],
        RecipientAgencyIds = [.. draft.Scope.RecipientAgencyIds],
        RecipientKinds = [.. draft.Scope.RecipientKinds],
        ValidFrom = draft.ValidFrom ?? now,
        ValidUntil = draft.ValidUntil,
        CreatedAt = now,
        RequestId = draft.RequestId,
        RequestHash = draft.Hash,
    };

    private Task<DisclosureGrantRecord?> FindByRequestAsync(string agencyId, string requestId, ServerCallContext context) =>
        db.DisclosureGrants.AsNoTracking().SingleOrDefaultAsync(g => g.RecordedByAgencyId == agencyId && g.RequestId == requestId, context.CancellationToken);

    private async Task<DisclosureGrantRecord> ReplayAsync(DisclosureGrantRecord earlier, GrantDraft draft, ServerCallContext context) =>
        earlier.RequestHash == draft.Hash ? earlier
        : throw await calls.RefuseAsync(context, StatusCode.AlreadyExists, CaseCalls.Target(draft.CaseId), $"request_id '{earlier.RequestId}' was already used for another record with a different payload; use a new request_id.").ConfigureAwait(false);
}
