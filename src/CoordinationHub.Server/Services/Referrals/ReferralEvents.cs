using System.Globalization;
using CoordinationHub.Domain.Referrals;
using CoordinationHub.Server.Persistence.Records.Cases;

namespace CoordinationHub.Server.Services.Referrals;

/// <summary>
/// The case-history entries of a referral. They name agencies, the purpose and the categories but
/// never the free-text reason: reasons may describe the missing person or the family, and the
/// history is read by every agency that can see the case.
/// </summary>
internal static class ReferralEvents
{
    /// <summary>Who acted when the hub itself expired a referral: no agency.</summary>
    public const string HubActor = "";

    public static CaseEventRecord Created(ReferralRecord referral) => new()
    {
        CaseId = referral.CaseId,
        OccurredAt = referral.CreatedAt,
        AgencyId = referral.FromAgencyId,
        Description = string.Create(
            CultureInfo.InvariantCulture,
            $"referred to {referral.ToAgencyId} for {referral.Purpose} ({string.Join(", ", referral.DataCategories)}), due {referral.DueAt:yyyy-MM-dd}; referral {referral.ReferralId}"),
    };

    public static CaseEventRecord Changed(ReferralRecord referral, string actingAgencyId, DateTimeOffset now) => new()
    {
        CaseId = referral.CaseId,
        OccurredAt = now,
        AgencyId = actingAgencyId,
        Description = $"referral {referral.ReferralId} from {referral.FromAgencyId} to {referral.ToAgencyId} {Participle(referral.State)}",
    };

    private static string Participle(ReferralState state) => state switch
    {
        ReferralState.Accepted => "accepted",
        ReferralState.Declined => "declined",
        ReferralState.Completed => "completed",
        ReferralState.Withdrawn => "withdrawn",
        ReferralState.Expired => "expired: the due time passed",
        _ => state.ToString().ToLowerInvariant(),
    };
}
