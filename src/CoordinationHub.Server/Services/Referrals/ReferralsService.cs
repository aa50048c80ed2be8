using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Server;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Security;
using CoordinationHub.Server.Services.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using DomainState = CoordinationHub.Domain.Referrals.ReferralState;
using DomainStatus = CoordinationHub.Domain.Trust.AgencyStatus;

namespace CoordinationHub.Server.Services.Referrals;

/// <summary>
/// <c>coordination.v1.ReferralsService</c>: one agency asks another to act on a case. A referral
/// exists only for its sender and its recipient; everyone else gets NOT_FOUND, as for cases. Every
/// change commits with its case event and audit entry, every read commits its entry before it
/// answers, and every refusal is audited at once. The
/// authentication interceptor has already required <c>referrals.read</c> or <c>referrals.write</c>.
/// </summary>
public sealed partial class ReferralsService(HubDbContext db, IAuditTrail audit, IOptions<ReferralOptions> options, TimeProvider time) : IRpcService<ReferralsService>
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;
    private const string UniqueViolation = "23505";

    public static void BindMethods(RpcServiceBinder<ReferralsService> binder) => binder
        .AddUnary(ReferralsServiceMethods.CreateReferral, (s, r, c) => s.CreateReferralAsync(r, c))
        .AddUnary(ReferralsServiceMethods.GetReferral, (s, r, c) => s.GetReferralAsync(r, c))
        .AddUnary(ReferralsServiceMethods.ListReferrals, (s, r, c) => s.ListReferralsAsync(r, c))
        .AddUnary(ReferralsServiceMethods.AcceptReferral, (s, r, c) => s.AcceptReferralAsync(r, c))
        .AddUnary(ReferralsServiceMethods.DeclineReferral, (s, r, c) => s.DeclineReferralAsync(r, c))
        .AddUnary(ReferralsServiceMethods.CompleteReferral, (s, r, c) => s.CompleteReferralAsync(r, c))
        .AddUnary(ReferralsServiceMethods.WithdrawReferral, (s, r, c) => s.WithdrawReferralAsync(r, c));

    private async Task<Referral> CreateReferralAsync(CreateReferralRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var target = CallerContextExtensions.CaseTargetPrefix + request.CaseId;
        var (draft, problem) = ReferralRequestValidation.CheckCreate(request);
        if (draft is null)
        {
            throw await RefuseAsync(context, StatusCode.InvalidArgument, target, problem ?? "the request is invalid.", request.RequestId).ConfigureAwait(false);
        }

        // A retry is answered before the time-dependent checks: the first request passed them, and
        // a retry that arrives after the due time must still get the referral it created.
        var hash = draft.Hash();
        var facts = await ReferralCreationFacts.LoadAsync(db, caller.AgencyId, draft, context.CancellationToken).ConfigureAwait(false);
        if (facts.Earlier is { } earlier)
        {
            return await ReplayAsync(earlier, hash, context).ConfigureAwait(false);
        }

        var now = DatabaseClock.Now(time);
        var refusal = ReferralRequestValidation.CheckDueTime(draft.DueAt, now, options.Value.MaxDueHorizon)
            ?? (draft.ToAgencyId == caller.AgencyId ? "to_agency_id names the calling agency; a referral goes to another agency." : null);
        if (refusal is not null)
        {
            throw await RefuseAsync(context, StatusCode.InvalidArgument, target, refusal, draft.RequestId).ConfigureAwait(false);
        }

        var relationship = facts.Relationship;
        if (relationship == CaseRelationship.None)
        {
            throw await RefuseAsync(context, StatusCode.NotFound, target, $"case {draft.CaseId} not found.", draft.RequestId).ConfigureAwait(false);
        }

        // The registry of agencies is not secret (agencies are public institutions); cases are. An
        // unknown recipient is NOT_FOUND, a known one that may not act now is FAILED_PRECONDITION.
        var recipient = facts.Recipient
            ?? throw await RefuseAsync(context, StatusCode.NotFound, target, $"agency '{draft.ToAgencyId}' is not registered.", draft.RequestId).ConfigureAwait(false);
        if (recipient.Status != DomainStatus.Active)
        {
            throw await RefuseAsync(context, StatusCode.FailedPrecondition, target, $"agency '{recipient.AgencyId}' is {recipient.Status.ToString().ToLowerInvariant()} and cannot receive referrals.", draft.RequestId).ConfigureAwait(false);
        }

        var held = relationship == CaseRelationship.Reporter ? null
            : await db.Referrals.AsNoTracking()
                .Where(r => r.CaseId == draft.CaseId && r.ToAgencyId == caller.AgencyId && r.State == DomainState.Accepted && r.DueAt > now)
                .ToListAsync(context.CancellationToken).ConfigureAwait(false);
        if (ReferralReach.Check(draft, caller, recipient, held) is { } tooWide)
        {
            throw await RefuseAsync(context, StatusCode.InvalidArgument, target, tooWide, draft.RequestId).ConfigureAwait(false);
        }

        var record = new ReferralRecord
        {
            ReferralId = Guid.CreateVersion7(now),
            CaseId = draft.CaseId,
            FromAgencyId = caller.AgencyId,
            ToAgencyId = draft.ToAgencyId,
            Purpose = draft.Purpose,
            DataCategories = [.. draft.Categories],
            Reason = draft.Reason,
            DueAt = draft.DueAt,
            State = DomainState.Pending,
            CreatedAt = now,
            UpdatedAt = now,
            RequestId = draft.RequestId,
            RequestHash = hash,
        };
        db.Referrals.Add(record);
        db.CaseEvents.Add(ReferralEvents.Created(record));
        ReferralNotifications.Received(db, record, now);
        try
        {
            await CommitAsync(context, Target(record.ReferralId), record.CaseId, $"created: case {record.CaseId} referred to {record.ToAgencyId} for {record.Purpose} [{string.Join(' ', record.DataCategories)}], due {record.DueAt:O}", draft.RequestId).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: UniqueViolation })
        {
            // A concurrent retry with the same request_id committed first: answer as a retry.
            db.DiscardChanges();
            var winner = await FindByRequestAsync(caller.AgencyId, draft.RequestId, context).ConfigureAwait(false) ?? throw new InvalidOperationException("A unique violation on a referral request id left no referral behind.", e);
            return await ReplayAsync(winner, hash, context).ConfigureAwait(false);
        }

        return ReferralMapping.ToMessage(record, now);
    }

    private async Task<Referral> GetReferralAsync(GetReferralRequest request, ServerCallContext context)
    {
        var record = await FindForPartyAsync(request.ReferralId, tracked: false, context).ConfigureAwait(false);
        await RecordReadAsync(context, Target(record.ReferralId), "read", record.CaseId).ConfigureAwait(false);
        return ReferralMapping.ToMessage(record, DatabaseClock.Now(time));
    }

    private async Task<ListReferralsResponse> ListReferralsAsync(ListReferralsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var target = "referrals:" + request.Box.ToString().ToLowerInvariant();
        var tokenValid = ReferralPageToken.TryDecode(request.PageToken, out var after);
        var problem = (request.Box is ReferralBox.Inbox or ReferralBox.Outbox ? null : "box is required: INBOX or OUTBOX.")
            ?? (request.PageSize < 0 ? "page_size must not be negative." : null)
            ?? (request.CaseId.Length > ReferralRequestValidation.MaxCaseIdLength ? "case_id is too long to name a case." : null)
            ?? (tokenValid ? null : "page_token is not one this hub issued; start again without it.");
        if (problem is not null)
        {
            throw await RefuseAsync(context, StatusCode.InvalidArgument, target, problem).ConfigureAwait(false);
        }

        var now = DatabaseClock.Now(time);
        var query = request.Box == ReferralBox.Inbox
            ? db.Referrals.AsNoTracking().Where(r => r.ToAgencyId == caller.AgencyId)
            : db.Referrals.AsNoTracking().Where(r => r.FromAgencyId == caller.AgencyId);
        query = ReferralQueries.InEffectiveState(query, ReferralMapping.FromMessage(request.State), now);
        if (request.CaseId.Length > 0)
        {
            query = query.Where(r => r.CaseId == request.CaseId);
        }

        if (after is { } position)
        {
            query = query.Where(r => EF.Functions.LessThan(ValueTuple.Create(r.CreatedAt, r.ReferralId), ValueTuple.Create(position.CreatedAt, position.ReferralId)));
        }

        // One more than asked tells whether there is a next page without a count query.
        var pageSize = request.PageSize == 0 ? DefaultPageSize : Math.Min(request.PageSize, MaxPageSize);
        var rows = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.ReferralId).Take(pageSize + 1)
            .ToListAsync(context.CancellationToken).ConfigureAwait(false);
        var response = new ListReferralsResponse { Referrals = { rows.Take(pageSize).Select(r => ReferralMapping.ToMessage(r, now)) } };
        if (rows.Count > pageSize)
        {
            response.NextPageToken = new ReferralPageToken(rows[pageSize - 1].CreatedAt, rows[pageSize - 1].ReferralId).Encode();
        }

        await RecordReadAsync(context, target, $"listed {response.Referrals.Count} referrals (state {request.State}{(request.CaseId.Length > 0 ? $", case {request.CaseId}" : string.Empty)})", request.CaseId).ConfigureAwait(false);
        return response;
    }

    private Task<ReferralRecord?> FindByRequestAsync(string agencyId, string requestId, ServerCallContext context) =>
        db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.FromAgencyId == agencyId && r.RequestId == requestId, context.CancellationToken);

    private async Task<Referral> ReplayAsync(ReferralRecord earlier, string hash, ServerCallContext context)
    {
        if (earlier.RequestHash != hash)
        {
            throw await RefuseAsync(context, StatusCode.AlreadyExists, Target(earlier.ReferralId), $"request_id '{earlier.RequestId}' was already used for another referral with a different payload; use a new request_id.", earlier.RequestId).ConfigureAwait(false);
        }

        return ReferralMapping.ToMessage(earlier, DatabaseClock.Now(time));
    }

    /// <summary>The referral, when the caller sent or received it; NOT_FOUND (audited) otherwise, whether or not it exists.</summary>
    private async Task<ReferralRecord> FindForPartyAsync(string referralId, bool tracked, ServerCallContext context)
    {
        var caller = context.GetCaller();
        if (ReferralRequestValidation.CheckReferralId(referralId, out var id) is { } problem)
        {
            throw await RefuseAsync(context, StatusCode.InvalidArgument, "referral:" + referralId, problem).ConfigureAwait(false);
        }

        var referrals = tracked ? db.Referrals : db.Referrals.AsNoTracking();
        var record = await referrals.SingleOrDefaultAsync(r => r.ReferralId == id, context.CancellationToken).ConfigureAwait(false);
        return record is not null && (record.FromAgencyId == caller.AgencyId || record.ToAgencyId == caller.AgencyId)
            ? record
            : throw await RefuseAsync(context, StatusCode.NotFound, Target(id), $"referral {referralId} not found.").ConfigureAwait(false);
    }

    /// <summary>
    /// Saves the staged change together with its case event and audit entry, in one transaction.
    /// The entry names the referral's case, so an auditor's query by case finds who referred it.
    /// </summary>
    private async Task CommitAsync(ServerCallContext context, string target, string caseId, string what, string requestId = "")
    {
        audit.Append(context.AuditEntryFor(AuditDecision.Allowed, target, what) with { CaseId = caseId, RequestId = requestId });
        try
        {
            await db.SaveChangesAsync(context.CancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            // xmin moved between our read and our write: the other party, a second call of the same
            // party or the expiry sweep changed the referral first. Nothing of ours was stored.
            db.DiscardChanges();
            throw await RefuseAsync(context, StatusCode.Aborted, target, "the referral changed concurrently; read it again and retry.", requestId).ConfigureAwait(false);
        }
    }

    /// <summary>Commits the audit entry of a read before the answer leaves: no referral is shown without its entry.</summary>
    private async Task RecordReadAsync(ServerCallContext context, string target, string what, string caseId)
    {
        audit.Append(context.AuditEntryFor(AuditDecision.Allowed, target, what) with { CaseId = caseId });
        await db.SaveChangesAsync(context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>Audits a refusal at once (nothing staged is committed with it) and returns the exception to throw.</summary>
    private async Task<RpcException> RefuseAsync(ServerCallContext context, StatusCode code, string target, string message, string requestId = "")
    {
        db.DiscardChanges();
        var entry = context.AuditEntryFor(AuditDecision.Denied, target, $"{code}: {message}") with { RequestId = requestId };
        await audit.AppendNowAsync(entry, context.CancellationToken).ConfigureAwait(false);
        return new RpcException(code, message);
    }

    private static string Target(Guid referralId) => "referral:" + referralId;
}
