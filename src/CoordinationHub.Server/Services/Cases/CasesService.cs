using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc.Server;
using CoordinationHub.Server.Audit;
using CoordinationHub.Server.Persistence;

namespace CoordinationHub.Server.Services.Cases;

/// <summary>
/// <c>coordination.v1.CasesService</c>: the central record of missing-person cases. The
/// authentication interceptor has already required cases.read or cases.write; object-level access
/// (NOT_FOUND for cases the caller may not see), disclosure and audit happen here. Each RPC's rules
/// live in the class that carries them out.
/// </summary>
public sealed class CasesService : IRpcService<CasesService>
{
    private readonly CaseReporting reporting;
    private readonly CaseReading reading;
    private readonly CaseUpdating updating;
    private readonly CaseDuplicateResolution resolution;

    public CasesService(HubDbContext db, IAuditTrail audit, TimeProvider time, ICaseDisclosure disclosure)
    {
        var calls = new CaseCalls(db, audit, time);
        var views = new CaseViewAssembler(calls, disclosure);
        reporting = new CaseReporting(calls, views);
        reading = new CaseReading(calls, views);
        updating = new CaseUpdating(calls, views);
        resolution = new CaseDuplicateResolution(calls, views);
    }

    public static void BindMethods(RpcServiceBinder<CasesService> binder) => binder
        .AddUnary(CasesServiceMethods.ReportMissingPerson, (s, r, c) => s.reporting.ReportAsync(r, c))
        .AddUnary(CasesServiceMethods.GetCase, (s, r, c) => s.reading.GetAsync(r, c))
        .AddUnary(CasesServiceMethods.ListCases, (s, r, c) => s.reading.ListAsync(r, c))
        .AddUnary(CasesServiceMethods.SearchCases, (s, r, c) => s.reading.SearchAsync(r, c))
        .AddUnary(CasesServiceMethods.UpdateCase, (s, r, c) => s.updating.UpdateAsync(r, c))
        .AddUnary(CasesServiceMethods.ListCaseHistory, (s, r, c) => s.reading.HistoryAsync(r, c))
        .AddUnary(CasesServiceMethods.ResolveDuplicate, (s, r, c) => s.resolution.ResolveAsync(r, c));
}
