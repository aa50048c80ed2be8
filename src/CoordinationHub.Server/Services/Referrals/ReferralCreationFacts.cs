using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Services.Cases;
using Microsoft.EntityFrameworkCore;

namespace CoordinationHub.Server.Services.Referrals;

/// <summary>
/// What CreateReferral must know before it writes, read in one round trip instead of three: the
/// referral an earlier request with the same request id created, how the sender stands to the case
/// (<see cref="CaseAccess"/>), and the recipient agency. The query is anchored on the sender's own
/// agency row, which exists for every authenticated caller; each fact is a subquery of it.
/// </summary>
internal sealed class ReferralCreationFacts
{
    public ReferralRecord? Earlier { get; init; }

    public bool Reported { get; init; }

    public bool Held { get; init; }

    public AgencyRecord? Recipient { get; init; }

    public CaseRelationship Relationship => CaseAccess.Relationship(Reported, Held);

    public static Task<ReferralCreationFacts> LoadAsync(HubDbContext db, string senderId, ReferralDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(draft);
        var requestId = draft.RequestId;
        var recipientId = draft.ToAgencyId;

        // Captured as queries, which EF Core inlines into the statement; an Expression variable
        // passed to Any inside the projection would run as a second, synchronous query
        // (ReferralCreationFactsTests counts the commands).
        var reports = db.CaseReports.Where(CaseAccess.ReportedBy(draft.CaseId, senderId));
        var held = db.Referrals.Where(CaseAccess.HeldBy(draft.CaseId, senderId));
        return db.Agencies.AsNoTracking()
            .Where(sender => sender.AgencyId == senderId)
            .Select(_ => new ReferralCreationFacts
            {
                Earlier = db.Referrals.FirstOrDefault(r => r.FromAgencyId == senderId && r.RequestId == requestId),
                Reported = reports.Any(),
                Held = held.Any(),
                Recipient = db.Agencies.FirstOrDefault(a => a.AgencyId == recipientId),
            })
            .SingleAsync(cancellationToken);
    }
}
