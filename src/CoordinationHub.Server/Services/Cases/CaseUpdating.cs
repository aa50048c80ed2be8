using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Security;
using CoordinationHub.Server.Services.Agencies;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>
/// UpdateCase: a reporting agency changes the status or replaces whole sections it claims, on the
/// version it last read. A stale etag, or a concurrent writer that commits first, gets ABORTED.
/// </summary>
/// <remarks>
/// request_id is not stored for updates: the etag already makes a retry safe, because a retried
/// update carries the etag from before its first attempt and is refused with ABORTED.
/// </remarks>
internal sealed class CaseUpdating(CaseCalls calls, CaseViewAssembler views)
{
    private const string StatusPath = "status";
    private const string SectionsPrefix = "sections.";

    public async Task<Case> UpdateAsync(UpdateCaseRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var target = CaseCalls.Target(request.CaseId);
        var (record, relationship) = await calls.FindVisibleAsync(context, request.CaseId, track: true).ConfigureAwait(false);

        var (paths, pathProblem) = ParseMask(request);
        uint expected = 0;
        var etagProblem = request.Etag.Length == 0 || !AgencyMapping.TryParseEtag(request.Etag, out expected) ? "etag is required: send the etag of the case as last read." : null;
        var problem = etagProblem
            ?? pathProblem
            ?? (paths.Contains("sections.identity") && request.Sections?.Identity is null ? "sections.identity cannot be removed: a case needs a name to be found." : null)
            ?? (paths.Contains(StatusPath) && (request.Status == CaseStatus.Unspecified || !Enum.IsDefined(request.Status)) ? "status must be a CaseStatus value when update_mask names it." : null)
            ?? CaseSectionValidation.Check(request.Sections ?? new CaseSections(), calls.Now().Year);
        if (problem is not null)
        {
            throw await calls.RefuseAsync(context, StatusCode.InvalidArgument, target, problem).ConfigureAwait(false);
        }

        if (relationship != CaseRelationship.Reporter)
        {
            // The caller sees the case (a referral holder), so refusing openly reveals nothing.
            throw await calls.RefuseAsync(context, StatusCode.PermissionDenied, target, $"only an agency that reported case '{record.CaseId}' may change it.").ConfigureAwait(false);
        }

        var categories = paths.Where(p => p != StatusPath).Select(CategoryOfPath).ToList();
        if (categories.FirstOrDefault(c => !caller.DataCategories.Contains(c)) is { } unclaimed)
        {
            throw await calls.RefuseAsync(context, StatusCode.PermissionDenied, target, $"agency {caller.AgencyId} holds no claim on {unclaimed} data and may not change the {unclaimed} section.").ConfigureAwait(false);
        }

        if (record.MergedIntoCaseId.Length > 0)
        {
            throw await calls.RefuseAsync(context, StatusCode.FailedPrecondition, target, $"case '{record.CaseId}' was merged into '{record.MergedIntoCaseId}' and no longer changes.").ConfigureAwait(false);
        }

        if (record.Version != expected)
        {
            throw await calls.RefuseAsync(context, StatusCode.Aborted, target, $"case '{record.CaseId}' changed since etag {request.Etag} was read; read it again and retry.").ConfigureAwait(false);
        }

        // EF checks the version read here again in the UPDATE (xmin), so a writer that commits
        // between our read and our write still makes this one ABORTED.
        var sections = request.Sections ?? new CaseSections();
        CaseNameScripts.Fill(sections.Identity);
        var changes = new List<string>();
        if (paths.Contains(StatusPath) && CaseMapping.StatusName(request.Status) != record.Status)
        {
            changes.Add($"status changed from {record.Status} to {CaseMapping.StatusName(request.Status)}");
            record.Status = CaseMapping.StatusName(request.Status);
        }

        if (categories.Count > 0)
        {
            CaseSectionColumns.Write(record, sections, categories);
            changes.Add($"sections replaced [{string.Join(' ', categories)}]");
            if (categories.Contains(DataCategories.Identity))
            {
                CasePersonDescription.SetLookupColumns(record, sections.Identity);
            }
        }

        var now = calls.Now();
        record.UpdatedAt = now;
        var what = changes.Count > 0 ? string.Join("; ", changes) : "no change";
        calls.Db.CaseEvents.Add(CaseEvents.New(record.CaseId, now, caller.AgencyId, $"{what} by {caller.AgencyId}", categories));
        var decision = await views.DecideAsync(context, record.CaseId, relationship, CaseViewAssembler.PurposeForWriteResponse(caller)).ConfigureAwait(false);
        await calls.CommitAsync(context, target, what).ConfigureAwait(false);
        return await views.BuildAsync(context, record, decision).ConfigureAwait(false);
    }

    private static (HashSet<string> Paths, string? Problem) ParseMask(UpdateCaseRequest request)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        if (request.UpdateMask is null || request.UpdateMask.Paths.Count == 0)
        {
            return (paths, "update_mask is required: name the fields to change (\"status\", \"sections.circumstances\", ...).");
        }

        foreach (var path in request.UpdateMask.Paths)
        {
            if (path != StatusPath && CategoryOfPathOrNull(path) is null)
            {
                return (paths, $"update_mask path '{path}' is not \"status\" or \"sections.<section>\" (identity, circumstances, contacts, antemortem, genetic, location, investigation).");
            }

            paths.Add(path);
        }

        return (paths, null);
    }

    private static string CategoryOfPath(string path) => CategoryOfPathOrNull(path)!;

    private static string? CategoryOfPathOrNull(string path) => path.StartsWith(SectionsPrefix, StringComparison.Ordinal)
        ? path[SectionsPrefix.Length..] switch
        {
            "identity" => DataCategories.Identity,
            "circumstances" => DataCategories.Circumstances,
            "contacts" => DataCategories.Contact,
            "antemortem" => DataCategories.Antemortem,
            "genetic" => DataCategories.Genetic,
            "location" => DataCategories.Location,
            "investigation" => DataCategories.Investigation,
            _ => null,
        }
        : null;
}
