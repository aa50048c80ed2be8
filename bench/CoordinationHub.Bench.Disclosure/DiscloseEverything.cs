using CoordinationHub.Domain.Disclosure;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Server.Persistence;
using CoordinationHub.Server.Security;
using CoordinationHub.Server.Services.Cases;

namespace CoordinationHub.Bench.Disclosure;

/// <summary>The baseline: no grants loaded, no policy; every section disclosed. Only the benchmark registers it.</summary>
internal sealed class DiscloseEverything : ICaseDisclosure
{
    private static readonly IReadOnlySet<string> All = new HashSet<string>(DataCategories.All, StringComparer.Ordinal);
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public bool ReadsGrants => false;

    public DisclosureDecision Decide(AuthenticatedAgency caller, bool callerReportedCase, IReadOnlyList<DisclosureGrant> grants, string purpose, DateTimeOffset now) =>
        new(purpose, All, None, []);

    public Task<DisclosureDecision> DecideAsync(
        HubDbContext db, AuthenticatedAgency caller, string caseId, bool callerReportedCase, string purpose, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Decide(caller, callerReportedCase, [], purpose, now));
}
