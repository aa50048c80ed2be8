using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Matching;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Security;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>
/// GetCase, ListCases, SearchCases and ListCaseHistory. Only cases the caller may see exist for it;
/// every case returned is cut by the disclosure policy for the stated purpose, and each disclosure
/// is audited in the same transaction as the read's record of it.
/// </summary>
internal sealed class CaseReading(CaseCalls calls, CaseViewAssembler views)
{
    private const int DefaultListPage = 50;
    private const int MaxListPage = 500;
    private const int DefaultSearchPage = 20;
    private const int MaxSearchPage = 100;
    private const int MaxSearchCandidates = 200;
    private const int DefaultHistoryPage = 100;
    private const int MaxHistoryPage = 1000;

    public async Task<Case> GetAsync(GetCaseRequest request, ServerCallContext context)
    {
        var purpose = await calls.RequirePurposeAsync(context, request.Purpose, CaseCalls.Target(request.CaseId)).ConfigureAwait(false);
        // Two round trips: the case with everything the decision needs, then the decision's audit
        // entry together with the view's remaining reads (ADR 0016).
        var read = await calls.FindReadableAsync(context, request.CaseId, views.ReadsGrants).ConfigureAwait(false);
        var decision = views.Decide(context, read, purpose);
        return await views.BuildAsync(context, read.Record, decision).ConfigureAwait(false);
    }

    public async Task<ListCasesResponse> ListAsync(ListCasesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var purpose = await calls.RequirePurposeAsync(context, request.Purpose, "cases").ConfigureAwait(false);
        var pageSize = CaseCalls.PageSize(request.PageSize, DefaultListPage, MaxListPage);
        var after = CasePageTokens.ParseCase(request.PageToken);
        var db = calls.Db;
        var visible = CaseAccess.VisibleCaseIds(db, caller.AgencyId);
        var query = db.Cases.AsNoTracking().Where(c => visible.Contains(c.CaseId));
        if (request.Status != CaseStatus.Unspecified)
        {
            var status = CaseMapping.StatusName(request.Status);
            query = query.Where(c => c.Status == status);
        }

        if (request.ReportingAgencyId.Length > 0)
        {
            var agency = request.ReportingAgencyId;
            query = query.Where(c => db.CaseReports.Any(r => r.CaseId == c.CaseId && r.AgencyId == agency));
        }

        if (after is { } position)
        {
            query = query.Where(c => c.CreatedAt < position.CreatedAt || (c.CreatedAt == position.CreatedAt && string.Compare(c.CaseId, position.CaseId) < 0));
        }

        // One more than asked tells whether there is a next page without a count query.
        var rows = await query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.CaseId)
            .Take(pageSize + 1).ToListAsync(context.CancellationToken).ConfigureAwait(false);
        var page = rows.Take(pageSize).ToList();
        var response = new ListCasesResponse();
        response.Cases.AddRange(await ViewsAsync(context, page, purpose).ConfigureAwait(false));
        if (rows.Count > pageSize)
        {
            response.NextPageToken = CasePageTokens.ForCase(page[^1].CreatedAt, page[^1].CaseId);
        }

        return response;
    }

    public async Task<SearchCasesResponse> SearchAsync(SearchCasesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var purpose = await calls.RequirePurposeAsync(context, request.Purpose, "cases").ConfigureAwait(false);
        var problem = request.Name.Trim().Length == 0 || !request.Name.Any(char.IsLetter) ? "name is required: search finds cases by name."
            : CaseSectionValidation.CheckText(request.Name, "name", 200)
            ?? CaseSectionValidation.CheckText(request.Place, "place", 200)
            ?? CaseSectionValidation.Check(new CaseSections { Identity = new PersonIdentity { Names = { new PersonName { FullName = request.Name } }, DateOfBirth = request.DateOfBirth } }, calls.Now().Year);
        if (problem is not null)
        {
            throw await calls.RefuseAsync(context, StatusCode.InvalidArgument, "cases", problem).ConfigureAwait(false);
        }

        var pageSize = CaseCalls.PageSize(request.PageSize, DefaultSearchPage, MaxSearchPage);
        var skip = CasePageTokens.ParsePosition('s', request.PageToken);
        var query = CasePersonDescription.From(
            new PersonIdentity { Names = { new PersonName { FullName = request.Name.Trim() } }, DateOfBirth = request.DateOfBirth },
            request.Place.Length > 0 ? new LastSeen { Place = request.Place } : null);
        var keys = CandidateKeyBuilder.For(query).TokenKeys;
        int? year = request.DateOfBirth is { Year: > 0 } dob ? dob.Year : null;
        var candidates = await DuplicateCandidateQuery.FindAsync(calls.Db, keys, excludeCaseId: null, visibleTo: caller.AgencyId, MaxSearchCandidates, year, track: false, context.CancellationToken).ConfigureAwait(false);

        // Ranked by the same assessor that flags duplicates: a search is a duplicate check asked by a person.
        var ranked = candidates
            .Select(c => (Record: c, Assessment: DuplicateAssessor.Assess(query, CasePersonDescription.From(CaseSectionColumns.ReadAll(c)))))
            .OrderByDescending(r => r.Assessment.Score).ThenBy(r => r.Record.CaseId, StringComparer.Ordinal)
            .ToList();
        var page = ranked.Skip((int)Math.Min(skip, int.MaxValue)).Take(pageSize).ToList();
        var cases = await ViewsAsync(context, [.. page.Select(p => p.Record)], purpose).ConfigureAwait(false);
        var response = new SearchCasesResponse();
        for (var i = 0; i < page.Count; i++)
        {
            // The reasons quote the case's names: only a caller that received the identity section reads them.
            var reasons = cases[i].Disclosure.Disclosed.Contains(DataCategory.Identity) ? page[i].Assessment.Reasons : [];
            response.Results.Add(new SearchCaseResult { Case = cases[i], Score = Math.Round(page[i].Assessment.Score, 3), Reasons = { reasons } });
        }

        if (skip + page.Count < ranked.Count)
        {
            response.NextPageToken = CasePageTokens.ForPosition('s', skip + page.Count);
        }

        return response;
    }

    public async Task<ListCaseHistoryResponse> HistoryAsync(ListCaseHistoryRequest request, ServerCallContext context)
    {
        var pageSize = CaseCalls.PageSize(request.PageSize, DefaultHistoryPage, MaxHistoryPage);
        var after = CasePageTokens.ParsePosition('h', request.PageToken);
        var (record, _) = await calls.FindVisibleAsync(context, request.CaseId, track: false).ConfigureAwait(false);
        var rows = await calls.Db.CaseEvents.AsNoTracking()
            .Where(e => e.CaseId == record.CaseId && e.Id > after)
            .OrderBy(e => e.Id).Take(pageSize + 1)
            .ToListAsync(context.CancellationToken).ConfigureAwait(false);
        var page = rows.Take(pageSize).ToList();
        var response = new ListCaseHistoryResponse
        {
            Events =
            {
                page.Select(e => new CaseEvent
                {
                    EventTime = Timestamp.FromDateTimeOffset(e.OccurredAt),
                    AgencyId = e.AgencyId,
                    Description = e.Description,
                    Categories = { e.Categories.Select(Agencies.ClaimVocabulary.CategoryFromName) },
                }),
            },
        };
        if (rows.Count > pageSize)
        {
            response.NextPageToken = CasePageTokens.ForPosition('h', page[^1].Id);
        }

        // The history names agencies and what they did; who read it is worth knowing too.
        await calls.CommitAsync(context, CaseCalls.Target(record.CaseId), $"history read ({page.Count} events)").ConfigureAwait(false);
        return response;
    }

    /// <summary>Views of several cases, each decided on its own relationship; all disclosures commit in one transaction.</summary>
    private async Task<List<Case>> ViewsAsync(ServerCallContext context, List<CaseRecord> records, string purpose)
    {
        var caller = context.GetCaller();
        var decisions = new List<Domain.Disclosure.DisclosureDecision>(records.Count);
        foreach (var record in records)
        {
            var relationship = await CaseAccess.RelationshipAsync(calls.Db, record.CaseId, caller.AgencyId, context.CancellationToken).ConfigureAwait(false);
            decisions.Add(await views.DecideAsync(context, record.CaseId, relationship, purpose).ConfigureAwait(false));
        }

        await calls.Db.SaveChangesAsync(context.CancellationToken).ConfigureAwait(false);
        var cases = new List<Case>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            cases.Add(await views.BuildAsync(context, records[i], decisions[i]).ConfigureAwait(false));
        }

        return cases;
    }
}
