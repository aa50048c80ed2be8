using CoordinationHub.Domain.Referrals;
using CoordinationHub.Server.Persistence.Records.Cases;

namespace CoordinationHub.Server.Services.Referrals;

/// <summary>
/// When a referral counts as expired. The sweep stores the expiry some seconds after the due time;
/// until it does, every read and every transition already treats the overdue referral as expired,
/// so that no answer depends on whether the sweep has run yet.
/// </summary>
internal static class ReferralExpiry
{
    /// <summary>The state reason of an expired referral.</summary>
    public const string Reason = "the due time passed before the referral was completed";

    public static bool IsOverdue(ReferralRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        return ReferralTransitions.IsLive(record.State) && record.DueAt <= now;
    }

    public static ReferralState EffectiveState(ReferralRecord record, DateTimeOffset now) =>
        IsOverdue(record, now) ? ReferralState.Expired : record.State;
}
