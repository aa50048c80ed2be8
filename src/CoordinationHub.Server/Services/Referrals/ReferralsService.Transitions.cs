using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Referrals;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Security;
using CoordinationHub.Server.Services.Agencies;

namespace CoordinationHub.Server.Services.Referrals;

/// <summary>The four transitions a party asks for; the domain state machine decides, this applies and records.</summary>
public sealed partial class ReferralsService
{
    private Task<Referral> AcceptReferralAsync(AcceptReferralRequest request, ServerCallContext context) =>
        TransitionAsync(request.ReferralId, request.Etag, ReferralAction.Accept, text: null, textField: null, context);

    private Task<Referral> DeclineReferralAsync(DeclineReferralRequest request, ServerCallContext context) =>
        TransitionAsync(request.ReferralId, request.Etag, ReferralAction.Decline, request.Reason, "reason", context);

    private Task<Referral> CompleteReferralAsync(CompleteReferralRequest request, ServerCallContext context) =>
        TransitionAsync(request.ReferralId, request.Etag, ReferralAction.Complete, request.Outcome, "outcome", context);

    private Task<Referral> WithdrawReferralAsync(WithdrawReferralRequest request, ServerCallContext context) =>
        TransitionAsync(request.ReferralId, request.Etag, ReferralAction.Withdraw, request.Reason, "reason", context);

    // text is the reason or outcome the step records, required when textField names its field.
    private async Task<Referral> TransitionAsync(string referralId, string etag, ReferralAction action, string? text, string? textField, ServerCallContext context)
    {
        var caller = context.GetCaller();
        uint expectedVersion = 0;
        var problem = (textField is null ? null : ReferralRequestValidation.CheckText(text ?? string.Empty, textField))
            ?? (etag.Length == 0 || AgencyMapping.TryParseEtag(etag, out expectedVersion) ? null : "etag is not one the hub issued; send the referral's etag as last read, or none.");
        if (problem is not null)
        {
            throw await RefuseAsync(context, StatusCode.InvalidArgument, "referral:" + referralId, problem).ConfigureAwait(false);
        }

        var record = await FindForPartyAsync(referralId, tracked: true, context).ConfigureAwait(false);
        var target = Target(record.ReferralId);
        if (etag.Length > 0 && record.Version != expectedVersion)
        {
            throw await RefuseAsync(context, StatusCode.Aborted, target, $"referral {referralId} changed since etag {etag} was read; read it again and retry.").ConfigureAwait(false);
        }

        // An overdue referral is expired whether or not the sweep has stored it yet (ReferralExpiry).
        var now = DatabaseClock.Now(time);
        var party = record.FromAgencyId == caller.AgencyId ? ReferralParty.Sender : ReferralParty.Recipient;
        var transition = ReferralTransitions.Apply(ReferralExpiry.EffectiveState(record, now), action, party);
        if (transition.Next is not { } next)
        {
            var code = transition.Refusal == ReferralRefusal.WrongParty ? StatusCode.PermissionDenied : StatusCode.FailedPrecondition;
            throw await RefuseAsync(context, code, target, transition.Problem).ConfigureAwait(false);
        }

        record.State = next;
        record.StateReason = text?.Trim() ?? string.Empty;
        record.UpdatedAt = now;
        db.CaseEvents.Add(ReferralEvents.Changed(record, caller.AgencyId, now));
        ReferralNotifications.Changed(db, record, caller.AgencyId, now);
        await CommitAsync(context, target, record.CaseId, $"{next.ToString().ToLowerInvariant()} (case {record.CaseId}, from {record.FromAgencyId} to {record.ToAgencyId})").ConfigureAwait(false);
        return ReferralMapping.ToMessage(record, now);
    }
}
