using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Server;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Security;
using CoordinationHub.Server.Services.Cases;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using DomainState = CoordinationHub.Domain.Identifications.IdentificationState;

namespace CoordinationHub.Server.Services.Identifications;

/// <summary>
/// <c>coordination.v1.IdentificationsService</c>: a laboratory reports a match, a second authority
/// reviews it, the family's liaison records the family informed. An identification exists only for
/// agencies that can see its case (NOT_FOUND otherwise, as for cases). Every change commits with
/// its case event, its notifications and its audit entry; every refusal is audited at once. The
/// interceptor has already required the method's scope (MethodScopes).
/// </summary>
public sealed partial class IdentificationsService : IRpcService<IdentificationsService>
{
    private const string UniqueViolation = "23505";

    private readonly HubDbContext _db;
    private readonly IAuditTrail _audit;
    private readonly CaseCalls _calls;
    private readonly ICaseDisclosure _disclosure;

    public IdentificationsService(HubDbContext db, IAuditTrail audit, TimeProvider time, ICaseDisclosure disclosure)
    {
        _db = db;
        _audit = audit;
        _calls = new CaseCalls(db, audit, time);
        _disclosure = disclosure;
    }

    public static void BindMethods(RpcServiceBinder<IdentificationsService> binder) => binder
        .AddUnary(IdentificationsServiceMethods.ReportIdentification, (s, r, c) => s.ReportAsync(r, c))
        .AddUnary(IdentificationsServiceMethods.GetIdentification, (s, r, c) => s.GetAsync(r, c))
        .AddUnary(IdentificationsServiceMethods.ListIdentifications, (s, r, c) => s.ListAsync(r, c))
        .AddUnary(IdentificationsServiceMethods.ConfirmIdentification, (s, r, c) => s.ConfirmAsync(r, c))
        .AddUnary(IdentificationsServiceMethods.RejectIdentification, (s, r, c) => s.RejectAsync(r, c))
        .AddUnary(IdentificationsServiceMethods.RecordFamilyInformed, (s, r, c) => s.RecordFamilyInformedAsync(r, c));

    private async Task<Identification> ReportAsync(ReportIdentificationRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        if (IdentificationRequestValidation.CheckReport(request) is { } problem)
        {
            throw await _calls.RefuseAsync(context, StatusCode.InvalidArgument, CaseCalls.Target(request.CaseId), problem).ConfigureAwait(false);
        }

        // A retry is answered before anything that may have changed since the first request.
        var hash = IdentificationRequestValidation.Hash(request);
        if (await FindByRequestAsync(caller.AgencyId, request.RequestId, context).ConfigureAwait(false) is { } earlier)
        {
            return await ReplayAsync(earlier, hash, context).ConfigureAwait(false);
        }

        var (caseRecord, _) = await _calls.FindVisibleAsync(context, request.CaseId, track: false).ConfigureAwait(false);
        if (caseRecord.Status != CaseMapping.StatusName(CaseStatus.Open))
        {
            throw await _calls.RefuseAsync(context, StatusCode.FailedPrecondition, CaseCalls.Target(caseRecord.CaseId),
                $"case {caseRecord.CaseId} is {caseRecord.Status.ToLowerInvariant()}; identifications are reported on open cases.").ConfigureAwait(false);
        }

        var now = _calls.Now();
        var statistics = request.Statistics ?? new MatchStatistics();
        var record = new IdentificationRecord
        {
            IdentificationId = Guid.CreateVersion7(now),
            CaseId = caseRecord.CaseId,
            ReportingAgencyId = caller.AgencyId,
            Site = request.Site.Trim(),
            SampleReference = request.SampleReference.Trim(),
            Method = IdentificationMapping.MethodName(request.Method),
            LikelihoodRatio = statistics.LikelihoodRatio,
            PosteriorProbability = statistics.PosteriorProbability,
            PointsCompared = statistics.PointsCompared,
            MatchedPerson = IdentificationMapping.MatchedPersonName(request.MatchedPerson),
            State = DomainState.Reported,
            CreatedAt = now,
            UpdatedAt = now,
            RequestId = request.RequestId,
            RequestHash = hash,
        };
        _db.Identifications.Add(record);
        _db.CaseEvents.Add(CaseEvents.New(caseRecord.CaseId, now, caller.AgencyId,
            $"identification {record.IdentificationId} reported ({record.Method.ToLowerInvariant()}, {record.MatchedPerson.ToLowerInvariant()}), awaiting review", []));
        var notified = await IdentificationNotifications.EnqueueAsync(_db, caseRecord, record, NotificationKind.IdentificationReported, caller.AgencyId, now, context.CancellationToken).ConfigureAwait(false);
        try
        {
            await CommitAsync(context, record, $"reported on case {record.CaseId} ({record.Method}, {record.MatchedPerson}); {notified}", request.RequestId).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: UniqueViolation })
        {
            // A concurrent retry with the same request_id committed first: answer as a retry.
            _db.DiscardChanges();
            var winner = await FindByRequestAsync(caller.AgencyId, request.RequestId, context).ConfigureAwait(false)
                ?? throw new InvalidOperationException("A unique violation on an identification request id left no identification behind.", e);
            return await ReplayAsync(winner, hash, context).ConfigureAwait(false);
        }

        return IdentificationMapping.ToMessage(record);
    }

    private async Task<Identification> GetAsync(GetIdentificationRequest request, ServerCallContext context)
    {
        var (record, caseRecord, relationship) = await FindVisibleAsync(request.IdentificationId, tracked: false, context).ConfigureAwait(false);
        var views = await ViewsAsync(context, caseRecord.CaseId, relationship, [record]).ConfigureAwait(false);
        return views[0];
    }

    private async Task<ListIdentificationsResponse> ListAsync(ListIdentificationsRequest request, ServerCallContext context)
    {
        var (caseRecord, relationship) = await _calls.FindVisibleAsync(context, request.CaseId, track: false).ConfigureAwait(false);
        var records = await _db.Identifications.AsNoTracking()
            .Where(i => i.CaseId == caseRecord.CaseId)
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.IdentificationId)
            .ToListAsync(context.CancellationToken).ConfigureAwait(false);
        return new ListIdentificationsResponse { Identifications = { await ViewsAsync(context, caseRecord.CaseId, relationship, records).ConfigureAwait(false) } };
    }

    /// <summary>
    /// The identifications as the caller may read them: their parties in full; anyone else with the
    /// forensic details cut by the disclosure policy for identification. The read is audited.
    /// </summary>
    private async Task<List<Identification>> ViewsAsync(ServerCallContext context, string caseId, CaseRelationship relationship, List<IdentificationRecord> records)
    {
        var caller = context.GetCaller();
        var decision = await _disclosure.DecideAsync(
            _db, caller, caseId, relationship == CaseRelationship.Reporter, Purposes.Identification, _calls.Now(), context.CancellationToken).ConfigureAwait(false);
        var views = records.Select(r =>
        {
            var view = IdentificationMapping.ToMessage(r);
            if (r.ReportingAgencyId != caller.AgencyId && r.ReviewingAgencyId != caller.AgencyId)
            {
                IdentificationMapping.CutDetails(view, decision);
            }

            return view;
        }).ToList();
        _calls.AppendDisclosure(context, caseId, decision);
        await _db.SaveChangesAsync(context.CancellationToken).ConfigureAwait(false);
        return views;
    }

    private Task<IdentificationRecord?> FindByRequestAsync(string agencyId, string requestId, ServerCallContext context) =>
        _db.Identifications.AsNoTracking().SingleOrDefaultAsync(i => i.ReportingAgencyId == agencyId && i.RequestId == requestId, context.CancellationToken);

    private async Task<Identification> ReplayAsync(IdentificationRecord earlier, string hash, ServerCallContext context)
    {
        if (earlier.RequestHash != hash)
        {
            throw await _calls.RefuseAsync(context, StatusCode.AlreadyExists, Target(earlier.IdentificationId),
                $"request_id '{earlier.RequestId}' was already used for another identification with a different payload; use a new request_id.").ConfigureAwait(false);
        }

        return IdentificationMapping.ToMessage(earlier);
    }

    /// <summary>The identification and its case, when the caller can see the case; NOT_FOUND (audited) otherwise, whether or not it exists.</summary>
    private async Task<(IdentificationRecord Record, CaseRecord Case, CaseRelationship Relationship)> FindVisibleAsync(string identificationId, bool tracked, ServerCallContext context)
    {
        var caller = context.GetCaller();
        if (IdentificationRequestValidation.CheckIdentificationId(identificationId, out var id) is { } problem)
        {
            throw await _calls.RefuseAsync(context, StatusCode.InvalidArgument, "identification:" + identificationId, problem).ConfigureAwait(false);
        }

        var identifications = tracked ? _db.Identifications : _db.Identifications.AsNoTracking();
        var record = await identifications.SingleOrDefaultAsync(i => i.IdentificationId == id, context.CancellationToken).ConfigureAwait(false);
        var relationship = record is null ? CaseRelationship.None
            : await CaseAccess.RelationshipAsync(_db, record.CaseId, caller.AgencyId, context.CancellationToken).ConfigureAwait(false);
        if (record is null || relationship == CaseRelationship.None)
        {
            throw await _calls.RefuseAsync(context, StatusCode.NotFound, Target(id), $"identification {identificationId} not found.").ConfigureAwait(false);
        }

        var cases = tracked ? _db.Cases : _db.Cases.AsNoTracking();
        var caseRecord = await cases.SingleAsync(c => c.CaseId == record.CaseId, context.CancellationToken).ConfigureAwait(false);
        return (record, caseRecord, relationship);
    }

    /// <summary>Saves the staged change with its audit entry in one transaction; a moved xmin becomes ABORTED.</summary>
    private async Task CommitAsync(ServerCallContext context, IdentificationRecord record, string what, string requestId = "")
    {
        _audit.Append(context.AuditEntryFor(AuditDecision.Allowed, Target(record.IdentificationId), what) with { RequestId = requestId });
        try
        {
            await _db.SaveChangesAsync(context.CancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The identification or its case changed between our read and our write (another
            // reviewer, maybe on another replica). Nothing of ours was stored.
            throw await _calls.RefuseAsync(context, StatusCode.Aborted, Target(record.IdentificationId),
                $"identification {record.IdentificationId} or its case changed concurrently; read it again and retry.").ConfigureAwait(false);
        }
    }

    private static string Target(Guid identificationId) => "identification:" + identificationId;
}
