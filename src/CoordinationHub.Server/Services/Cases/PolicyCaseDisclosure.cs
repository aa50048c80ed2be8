using CoordinationHub.Domain.Disclosure;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Security;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>The hub's disclosure: the case's grants, loaded fresh (never cached), decided by <see cref="DisclosurePolicy"/>.</summary>
internal sealed class PolicyCaseDisclosure : ICaseDisclosure
{
    public bool ReadsGrants => true;

    public Task<DisclosureDecision> DecideAsync(
        HubDbContext db, AuthenticatedAgency caller, string caseId, bool callerReportedCase, string purpose, DateTimeOffset now, CancellationToken cancellationToken) =>
        DecideAsync(db, caller, caseId, Relationship(callerReportedCase), purpose, now, cancellationToken);

    public DisclosureDecision Decide(AuthenticatedAgency caller, bool callerReportedCase, IReadOnlyList<DisclosureGrant> grants, string purpose, DateTimeOffset now) =>
        CaseViews.Decide(caller, purpose, Relationship(callerReportedCase), grants, now);

    /// <summary>
    /// The same decision for any agency that sees the case, not only the caller: the notification
    /// outbox cuts each recipient's copy with it, so a notice never shows more than a read would.
    /// </summary>
    public static async Task<DisclosureDecision> DecideAsync(
        HubDbContext db, AuthenticatedAgency agency, string caseId, CaseRelationship relationship, string purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agency);
        var grants = await CaseGrants.ForAsync(db, caseId, agency.AgencyId, now, cancellationToken).ConfigureAwait(false);
        return CaseViews.Decide(agency, purpose, relationship, grants, now);
    }

    private static CaseRelationship Relationship(bool callerReportedCase) =>
        callerReportedCase ? CaseRelationship.Reporter : CaseRelationship.ReferralHolder;
}
