using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Disclosure;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Server;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Security;
using CoordinationHub.Server.Services.Cases;
using CoordinationHub.Server.Services.Referrals;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Services.Consents;

/// <summary>
/// <c>coordination.v1.ConsentsService</c>: families' consents and legal authorisations, the grants
/// the disclosure policy reads on every case read. A grant exists for an agency only when the case
/// does (NOT_FOUND otherwise, as for cases); every change commits with its case event and audit
/// entry, every refusal is audited at once. The authentication interceptor has already required
/// consent.read, consent.write or authorisations.write. Grants are never cached: each case read
/// loads them, so a withdrawal bites on the next read on every replica.
/// </summary>
public sealed partial class ConsentsService : IRpcService<ConsentsService>
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;

    private readonly HubDbContext db;
    private readonly CaseCalls calls;

    public ConsentsService(HubDbContext db, IAuditTrail audit, TimeProvider time)
    {
        this.db = db;
        calls = new CaseCalls(db, audit, time);
    }

    public static void BindMethods(RpcServiceBinder<ConsentsService> binder) => binder
        .AddUnary(ConsentsServiceMethods.RecordConsent, (s, r, c) => s.RecordConsentAsync(r, c))
        .AddUnary(ConsentsServiceMethods.GetConsent, (s, r, c) => s.GetConsentAsync(r, c))
        .AddUnary(ConsentsServiceMethods.ListConsents, (s, r, c) => s.ListConsentsAsync(r, c))
        .AddUnary(ConsentsServiceMethods.WithdrawConsent, (s, r, c) => s.WithdrawConsentAsync(r, c))
        .AddUnary(ConsentsServiceMethods.RecordLegalAuthorisation, (s, r, c) => s.RecordLegalAuthorisationAsync(r, c))
        .AddUnary(ConsentsServiceMethods.GetLegalAuthorisation, (s, r, c) => s.GetLegalAuthorisationAsync(r, c))
        .AddUnary(ConsentsServiceMethods.ListLegalAuthorisations, (s, r, c) => s.ListLegalAuthorisationsAsync(r, c));

    private async Task<Consent> RecordConsentAsync(RecordConsentRequest request, ServerCallContext context)
    {
        var (draft, problem) = GrantRequestValidation.CheckConsent(request);
        if (draft is null)
        {
            throw await calls.RefuseAsync(context, StatusCode.InvalidArgument, CaseCalls.Target(request.CaseId), problem ?? "the request is invalid.").ConfigureAwait(false);
        }

        return GrantMapping.ToConsent(await RecordAsync(draft, context).ConfigureAwait(false), calls.Now());
    }

    private async Task<Consent> GetConsentAsync(GetConsentRequest request, ServerCallContext context)
    {
        var record = await FindAsync(request.ConsentId, "consent_id", DisclosureGrantKind.Consent, tracked: false, context).ConfigureAwait(false);
        await calls.CommitAsync(context, Target(record), "consent read").ConfigureAwait(false);
        return GrantMapping.ToConsent(record, calls.Now());
    }

    private async Task<ListConsentsResponse> ListConsentsAsync(ListConsentsRequest request, ServerCallContext context)
    {
        var (page, next) = await ListAsync(request.CaseId, request.PageSize, request.PageToken, DisclosureGrantKind.Consent, context).ConfigureAwait(false);
        var now = calls.Now();
        return new ListConsentsResponse { Consents = { page.Select(r => GrantMapping.ToConsent(r, now)) }, NextPageToken = next };
    }

    private async Task<Consent> WithdrawConsentAsync(WithdrawConsentRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        if (GrantRequestValidation.CheckReason(request.Reason) is { } problem)
        {
            throw await calls.RefuseAsync(context, StatusCode.InvalidArgument, "consent:" + request.ConsentId, problem).ConfigureAwait(false);
        }

        var record = await FindAsync(request.ConsentId, "consent_id", DisclosureGrantKind.Consent, tracked: true, context).ConfigureAwait(false);

        // The collecting agency holds the signed form and the family's contact: it records the withdrawal.
        var refusal = record.RecordedByAgencyId != caller.AgencyId
                ? (StatusCode.PermissionDenied, $"only the collecting agency '{record.RecordedByAgencyId}' records a withdrawal of this consent.")
            : record.WithdrawnAt is { } withdrawn
                ? (StatusCode.FailedPrecondition, $"consent {record.GrantId} was already withdrawn at {withdrawn:O}.")
            : ((StatusCode, string)?)null;
        if (refusal is var (code, message))
        {
            throw await calls.RefuseAsync(context, code, Target(record), message).ConfigureAwait(false);
        }

        var now = calls.Now();
        record.WithdrawnAt = now;
        record.WithdrawalReason = request.Reason.Trim();
        db.CaseEvents.Add(GrantEvents.Withdrawn(record, now));
        var notified = await ConsentNotifications.StageWithdrawalAsync(db, record, caller.AgencyId, now, context.CancellationToken).ConfigureAwait(false);
        await calls.CommitAsync(context, Target(record), $"consent withdrawn on case {record.CaseId}: nothing more is disclosed on its basis; {notified}").ConfigureAwait(false);
        return GrantMapping.ToConsent(record, now);
    }

    /// <summary>
    /// The grant of that kind, when the caller may see its case (or recorded it); NOT_FOUND (audited)
    /// otherwise, worded without the case id, so that a grant id reveals nothing of someone else's case.
    /// </summary>
    private async Task<DisclosureGrantRecord> FindAsync(string grantId, string field, DisclosureGrantKind kind, bool tracked, ServerCallContext context)
    {
        var caller = context.GetCaller();
        if (GrantRequestValidation.CheckGrantId(grantId, field, out var id) is { } problem)
        {
            throw await calls.RefuseAsync(context, StatusCode.InvalidArgument, field[..^3] + ":" + grantId, problem).ConfigureAwait(false);
        }

        var grants = tracked ? db.DisclosureGrants : db.DisclosureGrants.AsNoTracking();
        var record = await grants.SingleOrDefaultAsync(g => g.GrantId == id && g.Kind == kind, context.CancellationToken).ConfigureAwait(false);
        var visible = record is not null
            && (record.RecordedByAgencyId == caller.AgencyId
                || await CaseAccess.RelationshipAsync(db, record.CaseId, caller.AgencyId, context.CancellationToken).ConfigureAwait(false) != CaseRelationship.None);
        return visible ? record! : throw await calls.RefuseAsync(context, StatusCode.NotFound, field[..^3] + ":" + id, $"{field[..^3].Replace('_', ' ')} {id} not found.").ConfigureAwait(false);
    }

    /// <summary>One page of a visible case's grants of one kind, newest first; the read is audited.</summary>
    private async Task<(List<DisclosureGrantRecord> Page, string NextPageToken)> ListAsync(string caseId, int pageSize, string pageToken, DisclosureGrantKind kind, ServerCallContext context)
    {
        var target = CaseCalls.Target(caseId);
        // The same keyset position as referral listings (creation time, then id): one token format.
        var tokenValid = ReferralPageToken.TryDecode(pageToken, out var after);
        var problem = (pageSize < 0 ? "page_size must not be negative." : null)
            ?? (tokenValid ? null : "page_token is not one this hub issued; start again without it.");
        if (problem is not null)
        {
            throw await calls.RefuseAsync(context, StatusCode.InvalidArgument, target, problem).ConfigureAwait(false);
        }

        var (record, _) = await calls.FindVisibleAsync(context, caseId, track: false).ConfigureAwait(false);
        var query = db.DisclosureGrants.AsNoTracking().Where(g => g.CaseId == record.CaseId && g.Kind == kind);
        if (after is { } position)
        {
            query = query.Where(g => EF.Functions.LessThan(ValueTuple.Create(g.CreatedAt, g.GrantId), ValueTuple.Create(position.CreatedAt, position.ReferralId)));
        }

        // One more than asked tells whether there is a next page without a count query.
        var size = pageSize == 0 ? DefaultPageSize : Math.Min(pageSize, MaxPageSize);
        var rows = await query.OrderByDescending(g => g.CreatedAt).ThenByDescending(g => g.GrantId).Take(size + 1)
            .ToListAsync(context.CancellationToken).ConfigureAwait(false);
        var page = rows.Take(size).ToList();
        await calls.CommitAsync(context, target, $"{(kind == DisclosureGrantKind.Consent ? "consents" : "legal authorisations")} listed ({page.Count})").ConfigureAwait(false);
        return (page, rows.Count > size ? new ReferralPageToken(page[^1].CreatedAt, page[^1].GrantId).Encode() : string.Empty);
    }

    private static string Target(DisclosureGrantRecord record) =>
        (record.Kind == DisclosureGrantKind.Consent ? "consent:" : "authorisation:") + record.GrantId;
}
