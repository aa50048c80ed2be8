using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Security;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>
/// ResolveDuplicate: an agency that may see both cases of a flag merges them or dismisses the flag.
/// A merge closes the other case (pointing to the survivor), moves its reports to the survivor with
/// their original case kept (both reports stay traceable), and fills only the sections the survivor
/// lacks; the other case's names join the survivor's lookup keys, so later reports under either
/// spelling find the survivor.
/// </summary>
internal sealed class CaseDuplicateResolution(CaseCalls calls, CaseViewAssembler views)
{
    private const int MaxReason = 500;

    public async Task<Case> ResolveAsync(ResolveDuplicateRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var target = CaseCalls.Target(request.CaseId);
        var problem = !Guid.TryParse(request.FlagId, out var flagId) ? "flag_id must be the id of a duplicate flag."
            : request.Resolution is not (DuplicateResolution.Merge or DuplicateResolution.Dismiss) ? "resolution must be MERGE or DISMISS."
            : request.Reason.Trim().Length == 0 ? "reason is required: the history and the audit log say why."
            : CaseSectionValidation.CheckText(request.Reason, "reason", MaxReason);
        if (problem is not null)
        {
            throw await calls.RefuseAsync(context, StatusCode.InvalidArgument, target, problem).ConfigureAwait(false);
        }

        var (survivor, relationship) = await calls.FindVisibleAsync(context, request.CaseId, track: true).ConfigureAwait(false);
        var db = calls.Db;
        var flag = await db.DuplicateFlags.SingleOrDefaultAsync(f => f.FlagId == flagId && (f.CaseId == survivor.CaseId || f.OtherCaseId == survivor.CaseId), context.CancellationToken).ConfigureAwait(false);
        var otherId = flag is null ? null : flag.CaseId == survivor.CaseId ? flag.OtherCaseId : flag.CaseId;

        // A flag whose other case the caller cannot see does not exist for it either.
        if (flag is null || await CaseAccess.RelationshipAsync(db, otherId!, caller.AgencyId, context.CancellationToken).ConfigureAwait(false) == CaseRelationship.None)
        {
            throw await calls.RefuseAsync(context, StatusCode.NotFound, target, $"duplicate flag '{request.FlagId}' not found on case '{request.CaseId}'.").ConfigureAwait(false);
        }

        if (flag.State != CaseMapping.FlagStateName(DuplicateFlagState.Open))
        {
            throw await calls.RefuseAsync(context, StatusCode.FailedPrecondition, target, $"duplicate flag '{flag.FlagId}' was already resolved ({flag.State}).").ConfigureAwait(false);
        }

        var other = await db.Cases.SingleAsync(c => c.CaseId == otherId, context.CancellationToken).ConfigureAwait(false);
        if (request.Resolution == DuplicateResolution.Merge && (survivor.MergedIntoCaseId.Length > 0 || other.MergedIntoCaseId.Length > 0))
        {
            throw await calls.RefuseAsync(context, StatusCode.FailedPrecondition, target, "one of the two cases was already merged into another; resolve the flag on the surviving case.").ConfigureAwait(false);
        }

        var now = calls.Now();
        var reason = request.Reason.Trim();
        flag.State = CaseMapping.FlagStateName(request.Resolution == DuplicateResolution.Merge ? DuplicateFlagState.Merged : DuplicateFlagState.Dismissed);
        flag.ResolvedByAgencyId = caller.AgencyId;
        flag.ResolutionReason = reason;
        flag.ResolvedAt = now;
        string what;
        if (request.Resolution == DuplicateResolution.Merge)
        {
            what = await MergeAsync(survivor, other, now, context.CancellationToken).ConfigureAwait(false) + $": {reason}";
        }
        else
        {
            what = $"flag {flag.FlagId} dismissed ({survivor.CaseId} and {other.CaseId} are different persons): {reason}";

            // Touching both cases makes a concurrent resolution of the same flag fail on xmin (ABORTED) instead of both succeeding.
            survivor.UpdatedAt = now;
            other.UpdatedAt = now;
        }

        db.CaseEvents.Add(CaseEvents.New(survivor.CaseId, now, caller.AgencyId, what, []));
        db.CaseEvents.Add(CaseEvents.New(other.CaseId, now, caller.AgencyId, what, []));
        var decision = await views.DecideAsync(context, survivor.CaseId, relationship, CaseViewAssembler.PurposeForWriteResponse(caller)).ConfigureAwait(false);
        await calls.CommitAsync(context, target, what).ConfigureAwait(false);
        return await views.BuildAsync(context, survivor, decision).ConfigureAwait(false);
    }

    private async Task<string> MergeAsync(CaseRecord survivor, CaseRecord other, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = calls.Db;
        var survivorSections = CaseSectionColumns.ReadAll(survivor);
        var otherSections = CaseSectionColumns.ReadAll(other);
        var present = CaseSectionColumns.CategoriesIn(survivorSections);
        var filled = CaseSectionColumns.CategoriesIn(otherSections).Where(c => !present.Contains(c)).ToList();
        CaseSectionColumns.Write(survivor, otherSections, filled);
        CasePersonDescription.SetLookupColumns(survivor, filled.Contains(DataCategories.Identity) ? otherSections.Identity : survivorSections.Identity, other.NameKeys);
        survivor.UpdatedAt = now;

        other.Status = CaseMapping.StatusName(CaseStatus.Closed);
        other.MergedIntoCaseId = survivor.CaseId;
        other.UpdatedAt = now;

        // Reports move; original_case_id keeps where each was filed, so both stay traceable.
        var moved = await db.CaseReports.Where(r => r.CaseId == other.CaseId).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var report in moved)
        {
            report.CaseId = survivor.CaseId;
        }

        return $"case {other.CaseId} merged into {survivor.CaseId} ({moved.Count} report(s) moved; sections filled [{string.Join(' ', filled)}])";
    }
}
