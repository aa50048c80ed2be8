using System.Globalization;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Matching;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Services.Notifications;
using Purposes = CoordinationHub.Domain.Trust.Purposes;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>
/// Matches a new case against the caseload: candidates by index, each scored by the
/// <see cref="DuplicateAssessor"/>; likely duplicates are staged as open flags, each with a
/// notification to the other case's stakeholders, in the caller's unit
/// of work, so that they commit with the case or not at all. Nothing is ever merged here.
/// </summary>
internal static class CaseDuplicateDetection
{
    public static async Task<List<DuplicateFlagRecord>> FlagAsync(HubDbContext db, CaseRecord newCase, CaseSections sections, string reportingAgencyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(newCase);
        var person = CasePersonDescription.From(sections);
        var candidates = await DuplicateCandidateQuery.FindAsync(
            db, newCase.NameKeys, newCase.CaseId, visibleTo: null, DuplicateCandidateQuery.DefaultLimit, newCase.BirthYear, track: false, cancellationToken).ConfigureAwait(false);

        var flags = new List<DuplicateFlagRecord>();
        foreach (var candidate in candidates)
        {
            var assessment = DuplicateAssessor.Assess(person, CasePersonDescription.From(CaseSectionColumns.ReadAll(candidate)));
            if (!assessment.IsLikelyDuplicate)
            {
                continue;
            }

            var flag = new DuplicateFlagRecord
            {
                FlagId = Guid.CreateVersion7(now),
                CaseId = newCase.CaseId,
                OtherCaseId = candidate.CaseId,
                Score = Math.Round(assessment.Score, 3),
                Reasons = [.. assessment.Reasons],
                State = CaseMapping.FlagStateName(DuplicateFlagState.Open),
                CreatedAt = now,
            };
            db.DuplicateFlags.Add(flag);

            // The other case's history says a flag was raised, not by which case: its readers may not see the new one.
            db.CaseEvents.Add(CaseEvents.New(candidate.CaseId, now, reportingAgencyId,
                string.Create(CultureInfo.InvariantCulture, $"possible duplicate flagged for review (flag {flag.FlagId}, score {flag.Score:0.00})"), []));
            flags.Add(flag);

            // Its stakeholders hear of it in the same transaction, again without the new case's id.
            var notice = new Notification
            {
                Kind = NotificationKind.PossibleDuplicate,
                CaseId = candidate.CaseId,
                ActorAgencyId = reportingAgencyId,
                Summary = string.Create(CultureInfo.InvariantCulture, $"a new report may describe the same person (flag {flag.FlagId}, score {flag.Score:0.00}); review it"),
            };
            await NotificationOutbox.EnqueueForStakeholdersAsync(db, candidate, notice, Purposes.Search, now, cancellationToken).ConfigureAwait(false);
        }

        return flags;
    }
}
