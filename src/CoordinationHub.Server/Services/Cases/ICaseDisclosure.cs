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
    /// <param name="callerReportedCase">Whether the caller filed a report on the case (it then also reads on its collector basis).</param>
    Task<DisclosureDecision> DecideAsync(
        HubDbContext db, AuthenticatedAgency caller, string caseId, bool callerReportedCase, string purpose, DateTimeOffset now, CancellationToken cancellationToken);
}
