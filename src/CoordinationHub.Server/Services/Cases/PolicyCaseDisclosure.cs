using CoordinationHub.Domain.Disclosure;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Security;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>The hub's disclosure: the case's grants, loaded fresh (never cached), decided by <see cref="DisclosurePolicy"/>.</summary>
internal sealed class PolicyCaseDisclosure : ICaseDisclosure
{
    public async Task<DisclosureDecision> DecideAsync(
        HubDbContext db, AuthenticatedAgency caller, string caseId, bool callerReportedCase, string purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var grants = await CaseGrants.ForAsync(db, caseId, caller.AgencyId, now, cancellationToken).ConfigureAwait(false);
        return CaseViews.Decide(caller, purpose, callerReportedCase ? CaseRelationship.Reporter : CaseRelationship.ReferralHolder, grants, now);
    }
}
