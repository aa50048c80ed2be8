using CoordinationHub.Server.Persistence.Records.Cases;
using DomainState = CoordinationHub.Domain.Referrals.ReferralState;

namespace CoordinationHub.Server.Services.Referrals;

/// <summary>Query filters that agree with <see cref="ReferralExpiry"/>: a listing by state shows what a read of each referral would show.</summary>
internal static class ReferralQueries
{
    public static IQueryable<ReferralRecord> InEffectiveState(IQueryable<ReferralRecord> query, DomainState? state, DateTimeOffset now) => state switch
    {
        null => query,
        DomainState.Pending or DomainState.Accepted => query.Where(r => r.State == state && r.DueAt > now),
        DomainState.Expired => query.Where(r => r.State == DomainState.Expired || ((r.State == DomainState.Pending || r.State == DomainState.Accepted) && r.DueAt <= now)),
        _ => query.Where(r => r.State == state),
    };
}
