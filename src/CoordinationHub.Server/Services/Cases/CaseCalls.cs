using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Security;
using CoordinationHub.Server.Services.Agencies;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>
/// What every Cases RPC does the same way: refuse with an audit entry written at once, commit a
/// change together with its audit entry, and find a case only when the caller may know it exists.
/// </summary>
internal sealed class CaseCalls(HubDbContext db, IAuditTrail audit, TimeProvider time)
{
    public HubDbContext Db => db;

    public DateTimeOffset Now() => DatabaseClock.Now(time);

    public static string Target(string caseId) => CallerContextExtensions.CaseTargetPrefix + caseId;

    /// <summary>Audits a refusal in its own transaction (nothing staged commits with it) and returns the exception to throw.</summary>
    public async Task<RpcException> RefuseAsync(ServerCallContext context, StatusCode code, string target, string message)
    {
        db.DiscardChanges();
        await audit.AppendNowAsync(context.AuditEntryFor(AuditDecision.Denied, target, $"{code}: {message}"), context.CancellationToken).ConfigureAwait(false);
        return new RpcException(code, message);
    }

    /// <summary>
    /// The case, when the caller may know it exists; otherwise NOT_FOUND, worded the same whether
    /// the case is missing or hidden, and audited (a probe for someone else's case is worth seeing).
    /// </summary>
    public async Task<(CaseRecord Record, CaseRelationship Relationship)> FindVisibleAsync(ServerCallContext context, string caseId, bool track)
    {
        await RequireWellFormedAsync(context, caseId).ConfigureAwait(false);
        var caller = context.GetCaller();
        var relationship = await CaseAccess.RelationshipAsync(db, caseId, caller.AgencyId, context.CancellationToken).ConfigureAwait(false);
        var query = track ? db.Cases : db.Cases.AsNoTracking();
        var record = relationship == CaseRelationship.None ? null
            : await query.SingleOrDefaultAsync(c => c.CaseId == caseId, context.CancellationToken).ConfigureAwait(false);
        return record is null
            ? throw await RefuseAsync(context, StatusCode.NotFound, Target(caseId), NotFoundMessage(caseId)).ConfigureAwait(false)
            : (record, relationship);
    }

    /// <summary>
    /// The same for a read that decides a disclosure: the case with the caller's relationship and,
    /// when <paramref name="withGrants"/>, the case's grants, in one query (<see cref="CaseReadQuery"/>).
    /// </summary>
    public async Task<CaseReadRow> FindReadableAsync(ServerCallContext context, string caseId, bool withGrants)
    {
        await RequireWellFormedAsync(context, caseId).ConfigureAwait(false);
        var row = await CaseReadQuery.FindAsync(db, caseId, context.GetCaller().AgencyId, withGrants, context.CancellationToken).ConfigureAwait(false);
        return row is { Relationship: not CaseRelationship.None }
            ? row
            : throw await RefuseAsync(context, StatusCode.NotFound, Target(caseId), NotFoundMessage(caseId)).ConfigureAwait(false);
    }

    private async Task RequireWellFormedAsync(ServerCallContext context, string caseId)
    {
        if (!CaseIds.IsWellFormed(caseId))
        {
            throw await RefuseAsync(context, StatusCode.InvalidArgument, Target(caseId), "case_id must look like MP-YYYY-NNNNNN.").ConfigureAwait(false);
        }
    }

    public static string NotFoundMessage(string caseId) => $"case '{caseId}' not found.";

    /// <summary>The stated purpose's vocabulary name; INVALID_ARGUMENT (audited) when none was stated.</summary>
    public async Task<string> RequirePurposeAsync(ServerCallContext context, Purpose purpose, string target)
    {
        return ClaimVocabulary.PurposeName(purpose)
            ?? throw await RefuseAsync(context, StatusCode.InvalidArgument, target, "purpose is required: every read names why it is made.").ConfigureAwait(false);
    }

    /// <summary>Saves the staged change together with its audit entry, in one transaction; a moved xmin becomes ABORTED.</summary>
    public async Task CommitAsync(ServerCallContext context, string target, string what)
    {
        audit.Append(context.AuditEntryFor(AuditDecision.Allowed, target, what));
        try
        {
            await db.SaveChangesAsync(context.CancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another writer (maybe on another replica) changed the case between our read and our
            // write. Nothing of ours was stored.
            throw await RefuseAsync(context, StatusCode.Aborted, target, "the case changed concurrently; read it again and retry.").ConfigureAwait(false);
        }
    }

    /// <summary>Stages the audit entry of a disclosure; the read's SaveChanges writes it.</summary>
    public void AppendDisclosure(ServerCallContext context, string caseId, Domain.Disclosure.DisclosureDecision decision) =>
        audit.Append(context.AuditEntryFor(AuditDecision.Allowed, Target(caseId), CaseDisclosureAudit.Describe(decision)) with
        {
            // The structured fields an auditor filters on ("who saw this case's genetic data, for what"), besides the prose.
            Purpose = decision.Purpose,
            Basis = string.Join(' ', decision.Basis),
            CategoriesDisclosed = [.. decision.Disclosed],
            CategoriesWithheld = [.. decision.Withheld.Keys],
        });

    public static int PageSize(int requested, int defaultSize, int maxSize) =>
        requested < 0 ? throw new RpcException(StatusCode.InvalidArgument, "page_size must not be negative.")
        : requested == 0 ? defaultSize : Math.Min(requested, maxSize);
}
