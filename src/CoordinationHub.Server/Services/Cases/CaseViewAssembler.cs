using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Disclosure;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Security;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>
/// Decides and assembles the view of a case one caller receives: the disclosure decision (staged
/// for audit in the caller's unit of work), the reports, and the duplicate flags cut to what the
/// caller may know about the other case.
/// </summary>
internal sealed class CaseViewAssembler(CaseCalls calls, ICaseDisclosure disclosure)
{
    /// <summary>What a reviewer that cannot see the other case is told instead of its id and the reasons (which quote its names).</summary>
    public const string HiddenFlagReason = "a possible duplicate was flagged for review by an authorised agency";

    /// <summary>
    /// The purpose under which a write's response shows the case, since writes state none: search if
    /// the agency claims it, else the first purpose it claims. The disclosure in the response names it.
    /// </summary>
    public static string PurposeForWriteResponse(AuthenticatedAgency caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Purposes.Contains(Purposes.Search) ? Purposes.Search
            : Purposes.All.FirstOrDefault(caller.Purposes.Contains) ?? Purposes.Search;
    }

    /// <summary>Whether the composed disclosure decides on the case's grants (<see cref="ICaseDisclosure.ReadsGrants"/>).</summary>
    public bool ReadsGrants => disclosure.ReadsGrants;

    /// <summary>Decides what the caller receives of the case and stages the decision's audit entry.</summary>
    public async Task<DisclosureDecision> DecideAsync(ServerCallContext context, string caseId, CaseRelationship relationship, string purpose)
    {
        var caller = context.GetCaller();
        var decision = await disclosure.DecideAsync(calls.Db, caller, caseId, relationship == CaseRelationship.Reporter, purpose, calls.Now(), context.CancellationToken).ConfigureAwait(false);
        calls.AppendDisclosure(context, caseId, decision);
        return decision;
    }

    /// <summary>
    /// The decision on a case read with its grants (<see cref="CaseCalls.FindReadableAsync"/>), its
    /// audit entry staged; no query of its own.
    /// </summary>
    public DisclosureDecision Decide(ServerCallContext context, CaseReadRow read, string purpose)
    {
        ArgumentNullException.ThrowIfNull(read);
        var caller = context.GetCaller();
        var now = calls.Now();
        var grants = disclosure.ReadsGrants ? CaseGrants.From(read.HeldReferrals, read.RecordedGrants, caller.AgencyId, now) : [];
        var decision = disclosure.Decide(caller, read.Relationship == CaseRelationship.Reporter, grants, purpose, now);
        calls.AppendDisclosure(context, read.Record.CaseId, decision);
        return decision;
    }

    /// <summary>
    /// The view of <paramref name="record"/> under <paramref name="decision"/>, reading reports and
    /// flags as they are now. What the context still holds staged (GetCase's audit entry of the
    /// decision) is written in the same round trip (<see cref="CaseViewReads"/>); the writes
    /// build their response after their own commit, with nothing staged.
    /// </summary>
    public async Task<Case> BuildAsync(ServerCallContext context, CaseRecord record, DisclosureDecision decision)
    {
        ArgumentNullException.ThrowIfNull(record);
        var (reports, flags) = await CaseViewReads.CommitAndReadAsync(calls.Db, record.CaseId, context.CancellationToken).ConfigureAwait(false);
        return await AssembleAsync(context, record, reports, flags, decision).ConfigureAwait(false);
    }

    private async Task<Case> AssembleAsync(ServerCallContext context, CaseRecord record, List<CaseReportRecord> reports, List<DuplicateFlagRecord> flags, DisclosureDecision decision)
    {
        var view = CaseViews.Build(record, reports, [], decision);
        view.DuplicateFlags.AddRange(await FlagsAsync(context, record.CaseId, flags).ConfigureAwait(false));
        return view;
    }

    /// <summary>
    /// Flags as seen from <paramref name="viewedCaseId"/>. A flag is shown in full only to an agency
    /// that may see both cases; otherwise its other case and reasons are withheld, so that a report
    /// never reveals that another agency holds a case on the same person, nor that person's names.
    /// </summary>
    public async Task<IReadOnlyList<DuplicateFlag>> FlagsAsync(ServerCallContext context, string viewedCaseId, IReadOnlyList<DuplicateFlagRecord> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        if (flags.Count == 0)
        {
            return [];
        }

        var others = flags.Select(f => f.CaseId == viewedCaseId ? f.OtherCaseId : f.CaseId).Distinct().ToList();
        var visible = await CaseAccess.VisibleCaseIds(calls.Db, context.GetCaller().AgencyId)
            .Where(id => others.Contains(id))
            .ToListAsync(context.CancellationToken).ConfigureAwait(false);
        return [.. flags.Select(f =>
        {
            var message = CaseMapping.ToMessage(f, viewedCaseId);
            if (!visible.Contains(message.OtherCaseId))
            {
                message.OtherCaseId = string.Empty;
                message.Reasons.Clear();
                message.Reasons.Add(HiddenFlagReason);
            }

            return message;
        })];
    }
}
