using CoordinationHub.Contracts.V1;
using CoordinationHub.Server.Persistence.Records.Cases;
using CoordinationHub.Server.Services.Agencies;
using Google.Protobuf.WellKnownTypes;
using DomainState = CoordinationHub.Domain.Referrals.ReferralState;

namespace CoordinationHub.Server.Services.Referrals;

/// <summary>Between stored referral records and the <c>coordination.v1</c> messages.</summary>
internal static class ReferralMapping
{
    public static Referral ToMessage(ReferralRecord record, DateTimeOffset now) => new()
    {
        ReferralId = record.ReferralId.ToString(),
        CaseId = record.CaseId,
        FromAgencyId = record.FromAgencyId,
        ToAgencyId = record.ToAgencyId,
        Purpose = ClaimVocabulary.PurposeFromName(record.Purpose),
        DataCategories = { record.DataCategories.Select(ClaimVocabulary.CategoryFromName) },
        Reason = record.Reason,
        DueTime = Timestamp.FromDateTimeOffset(record.DueAt),
        State = ToMessage(ReferralExpiry.EffectiveState(record, now)),
        StateReason = ReferralExpiry.IsOverdue(record, now) ? ReferralExpiry.Reason : record.StateReason,
        CreateTime = Timestamp.FromDateTimeOffset(record.CreatedAt),
        UpdateTime = Timestamp.FromDateTimeOffset(ReferralExpiry.IsOverdue(record, now) ? record.DueAt : record.UpdatedAt),
        Etag = AgencyMapping.Etag(record.Version),
    };

    public static ReferralState ToMessage(DomainState state) => state switch
    {
        DomainState.Pending => ReferralState.Pending,
        DomainState.Accepted => ReferralState.Accepted,
        DomainState.Declined => ReferralState.Declined,
        DomainState.Completed => ReferralState.Completed,
        DomainState.Withdrawn => ReferralState.Withdrawn,
        DomainState.Expired => ReferralState.Expired,
        _ => ReferralState.Unspecified,
    };

    /// <summary>The domain state a list filter names; null for "any state".</summary>
    public static DomainState? FromMessage(ReferralState state) => state switch
    {
        ReferralState.Pending => DomainState.Pending,
        ReferralState.Accepted => DomainState.Accepted,
        ReferralState.Declined => DomainState.Declined,
        ReferralState.Completed => DomainState.Completed,
        ReferralState.Withdrawn => DomainState.Withdrawn,
        ReferralState.Expired => DomainState.Expired,
        _ => null,
    };
}
