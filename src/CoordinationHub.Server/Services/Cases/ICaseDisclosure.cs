using CoordinationHub.Domain.Disclosure;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Security;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>
/// Decides what one caller receives of one case for one purpose. The hub composes
/// <see cref="PolicyCaseDisclosure"/> (the case's grants read on every call, then the one
/// disclosure policy); the seam exists so that a benchmark can measure a hub without it by
/// composition alone, as the audit benchmark does with <c>IAuditTrail</c>.
/// </summary>
public interface ICaseDisclosure
{
    /// <summary>
    /// Whether the decision needs the case's grants. GetCase loads them in the same query as the
    /// case when it does, so that the policy costs no round trip of its own.
    /// </summary>
    bool ReadsGrants { get; }

    /// <summary>The decision for <c>caller</c> reading <c>caseId</c> for <c>purpose</c>; <c>callerReportedCase</c> adds its collector basis.</summary>
    Task<DisclosureDecision> DecideAsync(
        HubDbContext db, AuthenticatedAgency caller, string caseId, bool callerReportedCase, string purpose, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The same decision on the case's grants loaded by the caller (empty when <see cref="ReadsGrants"/> is false).</summary>
    DisclosureDecision Decide(AuthenticatedAgency caller, bool callerReportedCase, IReadOnlyList<DisclosureGrant> grants, string purpose, DateTimeOffset now);
}
