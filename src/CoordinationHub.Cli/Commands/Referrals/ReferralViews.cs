using CoordinationHub.Cli.Commands.Admin;
using CoordinationHub.Cli.Commands.Cases;
using CoordinationHub.Cli.Output;
using CoordinationHub.Contracts.V1;

namespace CoordinationHub.Cli.Commands.Referrals;

/// <summary>How referrals are shown: a row per referral in an inbox or outbox, every field for one.</summary>
internal static class ReferralViews
{
    public static OutputView<Referral> List { get; } = new(
        [
            new("Referral", r => r.ReferralId),
            new("Case", r => r.CaseId),
            new("From", r => r.FromAgencyId),
            new("To", r => r.ToAgencyId),
            new("Purpose", r => AgencyVocabulary.Purposes.NameOf(r.Purpose)),
            new("State", r => CaseVocabulary.ReferralStates.NameOf(r.State)),
            new("Due", r => CaseViews.Time(r.DueTime)),
        ],
        r => ProtoJson.ToJson(r));

    public static OutputView<Referral> Detail { get; } = new(
        [
            new("Referral", r => r.ReferralId),
            new("Case", r => r.CaseId),
            new("From", r => r.FromAgencyId),
            new("To", r => r.ToAgencyId),
            new("Purpose", r => AgencyVocabulary.Purposes.NameOf(r.Purpose)),
            new("Categories", r => string.Join(", ", r.DataCategories.Select(AgencyVocabulary.Categories.NameOf))),
            new("Reason", r => r.Reason),
            new("State", r => CaseVocabulary.ReferralStates.NameOf(r.State)),
            new("State reason", r => r.StateReason),
            new("Due", r => CaseViews.Time(r.DueTime)),
            new("Created", r => CaseViews.Time(r.CreateTime)),
            new("Updated", r => CaseViews.Time(r.UpdateTime)),
            new("Etag", r => r.Etag),
        ],
        r => ProtoJson.ToJson(r));
}
