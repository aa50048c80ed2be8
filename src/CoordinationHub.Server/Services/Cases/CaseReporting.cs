using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>
/// ReportMissingPerson: creates a case (and flags likely duplicates) or attaches a report to a case
/// the caller can see. Idempotent by the agency's request_id, enforced by a unique index so that it
/// holds across replicas and concurrent retries.
/// </summary>
internal sealed class CaseReporting(CaseCalls calls, CaseViewAssembler views)
{
    private const int MaxRequestId = 100;
    private const int MaxLocalReference = 100;
    private const string UniqueViolation = "23505";

    public async Task<ReportMissingPersonResponse> ReportAsync(ReportMissingPersonRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var target = request.CaseId.Length > 0 ? CaseCalls.Target(request.CaseId) : "case:new";
        if (request.RequestId.Length is 0 or > MaxRequestId)
        {
            throw await calls.RefuseAsync(context, StatusCode.InvalidArgument, target, $"request_id is required (1-{MaxRequestId} characters): it makes a retried report safe.").ConfigureAwait(false);
        }

        var hash = CaseRequestHash.Of(request);
        if (await ReplayAsync(request, hash, context).ConfigureAwait(false) is { } replay)
        {
            return replay;
        }

        var sections = request.Sections ?? new CaseSections();
        var problem = CaseSectionValidation.CheckText(request.LocalReference, "local_reference", MaxLocalReference)
            ?? CaseSectionValidation.Check(sections, calls.Now().Year)
            ?? (request.CaseId.Length == 0 && sections.Identity is null ? "sections.identity is required to open a case: duplicate detection needs a name." : null);
        if (problem is not null)
        {
            throw await calls.RefuseAsync(context, StatusCode.InvalidArgument, target, problem).ConfigureAwait(false);
        }

        var categories = CaseSectionColumns.CategoriesIn(sections);
        if (categories.FirstOrDefault(c => !caller.DataCategories.Contains(c)) is { } unclaimed)
        {
            // Not malformed, not allowed: the agency may only file what its claims say it may hold.
            throw await calls.RefuseAsync(context, StatusCode.PermissionDenied, target, $"agency {caller.AgencyId} holds no claim on {unclaimed} data and may not submit the {unclaimed} section.").ConfigureAwait(false);
        }

        CaseNameScripts.Fill(sections.Identity);
        try
        {
            return request.CaseId.Length == 0
                ? await CreateAsync(request, sections, categories, hash, context).ConfigureAwait(false)
                : await AttachAsync(request, sections, categories, hash, context).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: UniqueViolation })
        {
            // A concurrent retry with the same key won the race: answer as a retry would be answered.
            calls.Db.DiscardChanges();
            return await ReplayAsync(request, hash, context).ConfigureAwait(false)
                ?? throw new InvalidOperationException("A unique violation on the report's key, but no report under it.", e);
        }
    }

    private async Task<ReportMissingPersonResponse> CreateAsync(ReportMissingPersonRequest request, CaseSections sections, IReadOnlySet<string> categories, string hash, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var now = calls.Now();
        var db = calls.Db;
        var record = new CaseRecord
        {
            CaseId = await CaseIds.AllocateAsync(db, now, context.CancellationToken).ConfigureAwait(false),
            Status = CaseMapping.StatusName(CaseStatus.Open),
            CreatedAt = now,
            UpdatedAt = now,
        };
        CaseSectionColumns.Write(record, sections, categories);
        CasePersonDescription.SetLookupColumns(record, sections.Identity);
        db.Cases.Add(record);
        db.CaseReports.Add(NewReport(record.CaseId, request, hash, caller.AgencyId, now, createdCase: true));
        db.CaseEvents.Add(CaseEvents.New(record.CaseId, now, caller.AgencyId, $"reported by {caller.AgencyId}", categories));

        // One transaction from the name locks to the commit: a concurrent report of the same person
        // waits for this one's case, then flags it (DuplicateReportLocks). A failure rolls it back
        // before the caller's handler (a concurrent retry's unique violation) reads again.
        List<DuplicateFlagRecord> flags;
        Domain.Disclosure.DisclosureDecision decision;
        await using (var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken).ConfigureAwait(false))
        {
            await DuplicateReportLocks.AcquireAsync(db, record.NameKeys, context.CancellationToken).ConfigureAwait(false);
            flags = await CaseDuplicateDetection.FlagAsync(db, record, sections, caller.AgencyId, now, context.CancellationToken).ConfigureAwait(false);
            decision = await views.DecideAsync(context, record.CaseId, CaseRelationship.Reporter, CaseViewAssembler.PurposeForWriteResponse(caller)).ConfigureAwait(false);
            await calls.CommitAsync(context, CaseCalls.Target(record.CaseId),
                $"case opened (sections [{string.Join(' ', categories)}]); {flags.Count} possible duplicate(s) flagged for review").ConfigureAwait(false);
            await transaction.CommitAsync(context.CancellationToken).ConfigureAwait(false);
        }

        return new ReportMissingPersonResponse
        {
            Case = await views.BuildAsync(context, record, decision).ConfigureAwait(false),
            Created = true,
            PossibleDuplicates = { await views.FlagsAsync(context, record.CaseId, flags).ConfigureAwait(false) },
        };
    }

    /// <summary>
    /// Attaching fills only the sections the case lacks. A section the case already holds is left as
    /// it is and the history says so: another agency's data is never overwritten silently; the
    /// reporter changes it deliberately with UpdateCase.
    /// </summary>
    private async Task<ReportMissingPersonResponse> AttachAsync(ReportMissingPersonRequest request, CaseSections sections, IReadOnlySet<string> categories, string hash, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var (record, _) = await calls.FindVisibleAsync(context, request.CaseId, track: true).ConfigureAwait(false);
        if (record.MergedIntoCaseId.Length > 0)
        {
            throw await calls.RefuseAsync(context, StatusCode.FailedPrecondition, CaseCalls.Target(record.CaseId),
                $"case '{record.CaseId}' was merged into '{record.MergedIntoCaseId}'; attach the report there.").ConfigureAwait(false);
        }

        var present = CaseSectionColumns.CategoriesIn(CaseSectionColumns.ReadAll(record));
        var filled = categories.Where(c => !present.Contains(c)).ToList();
        var kept = categories.Where(present.Contains).ToList();
        var now = calls.Now();
        CaseSectionColumns.Write(record, sections, filled);
        if (filled.Contains(DataCategories.Identity))
        {
            CasePersonDescription.SetLookupColumns(record, sections.Identity);
        }

        record.UpdatedAt = now;
        var db = calls.Db;
        db.CaseReports.Add(NewReport(record.CaseId, request, hash, caller.AgencyId, now, createdCase: false));
        var what = $"report attached by {caller.AgencyId}; sections filled [{string.Join(' ', filled)}]"
            + (kept.Count > 0 ? $"; not applied, the case already holds them [{string.Join(' ', kept)}]" : string.Empty);
        db.CaseEvents.Add(CaseEvents.New(record.CaseId, now, caller.AgencyId, what, filled));
        var decision = await views.DecideAsync(context, record.CaseId, CaseRelationship.Reporter, CaseViewAssembler.PurposeForWriteResponse(caller)).ConfigureAwait(false);
        await calls.CommitAsync(context, CaseCalls.Target(record.CaseId), what).ConfigureAwait(false);

        var flags = await OpenFlagsAsync(record.CaseId, context).ConfigureAwait(false);
        return new ReportMissingPersonResponse
        {
            Case = await views.BuildAsync(context, record, decision).ConfigureAwait(false),
            Created = false,
            PossibleDuplicates = { await views.FlagsAsync(context, record.CaseId, flags).ConfigureAwait(false) },
        };
    }

    /// <summary>
    /// The first answer again when this agency already filed a report under this key with the same
    /// content; ALREADY_EXISTS when the content differs; null when the key is new.
    /// </summary>
    private async Task<ReportMissingPersonResponse?> ReplayAsync(ReportMissingPersonRequest request, string hash, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var db = calls.Db;
        var first = await db.CaseReports.AsNoTracking()
            .SingleOrDefaultAsync(r => r.AgencyId == caller.AgencyId && r.RequestId == request.RequestId, context.CancellationToken).ConfigureAwait(false);
        if (first is null)
        {
            return null;
        }

        if (first.RequestHash != hash)
        {
            throw await calls.RefuseAsync(context, StatusCode.AlreadyExists, CaseCalls.Target(first.OriginalCaseId),
                $"request_id '{request.RequestId}' was already used for another report; use a new request_id for a new report.").ConfigureAwait(false);
        }

        // The case the report was filed on, even if a merge has since closed it: the answer names the same case as the first time.
        var record = await db.Cases.AsNoTracking().SingleAsync(c => c.CaseId == first.OriginalCaseId, context.CancellationToken).ConfigureAwait(false);
        var decision = await views.DecideAsync(context, record.CaseId, CaseRelationship.Reporter, CaseViewAssembler.PurposeForWriteResponse(caller)).ConfigureAwait(false);
        await calls.CommitAsync(context, CaseCalls.Target(record.CaseId), $"retry of request {request.RequestId} answered with the first result").ConfigureAwait(false);
        var flags = await OpenFlagsAsync(record.CaseId, context).ConfigureAwait(false);
        return new ReportMissingPersonResponse
        {
            Case = await views.BuildAsync(context, record, decision).ConfigureAwait(false),
            Created = first.CreatedCase,
            Replayed = true,
            PossibleDuplicates = { await views.FlagsAsync(context, record.CaseId, flags).ConfigureAwait(false) },
        };
    }

    private Task<List<DuplicateFlagRecord>> OpenFlagsAsync(string caseId, ServerCallContext context)
    {
        var open = CaseMapping.FlagStateName(DuplicateFlagState.Open);
        return calls.Db.DuplicateFlags.AsNoTracking()
            .Where(f => (f.CaseId == caseId || f.OtherCaseId == caseId) && f.State == open)
            .OrderBy(f => f.CreatedAt).ThenBy(f => f.FlagId)
            .ToListAsync(context.CancellationToken);
    }

    private static CaseReportRecord NewReport(string caseId, ReportMissingPersonRequest request, string hash, string agencyId, DateTimeOffset now, bool createdCase) => new()
    {
        CaseId = caseId,
        OriginalCaseId = caseId,
        AgencyId = agencyId,
        LocalReference = request.LocalReference.Trim(),
        ReportedAt = now,
        RequestId = request.RequestId,
        RequestHash = hash,
        CreatedCase = createdCase,
    };
}
