using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Server.Tests.Cases;

/// <summary>
/// Object-level access as a matrix: every Cases RPC × (reporter, referral holder, unrelated agency,
/// suspended agency, administrator without cases scopes). A case the caller may not see does not
/// exist for it (NOT_FOUND; absent from listings and searches); every refusal is audited.
/// </summary>
public sealed class CasesAccessTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    public enum Role
    {
        Reporter,
        ReferralHolder,
        Unrelated,
        Suspended,
        AdminWithoutCasesScopes,
    }

    /// <summary>What the call must give: OK and the case is in the answer, OK without it, or a refusal.</summary>
    public enum Expected
    {
        Ok,
        Absent,
        NotFound,
        PermissionDenied,
    }

    private static readonly Dictionary<string, Expected[]> Matrix = new(StringComparer.Ordinal)
    {
        //                                                  Reporter     ReferralHolder              Unrelated          Suspended                  AdminWithoutCasesScopes
        [nameof(CasesServiceMethods.ReportMissingPerson)] = [Expected.Ok, Expected.Ok, Expected.NotFound, Expected.PermissionDenied, Expected.PermissionDenied],
        [nameof(CasesServiceMethods.GetCase)] = [Expected.Ok, Expected.Ok, Expected.NotFound, Expected.PermissionDenied, Expected.PermissionDenied],
        [nameof(CasesServiceMethods.ListCases)] = [Expected.Ok, Expected.Ok, Expected.Absent, Expected.PermissionDenied, Expected.PermissionDenied],
        [nameof(CasesServiceMethods.SearchCases)] = [Expected.Ok, Expected.Ok, Expected.Absent, Expected.PermissionDenied, Expected.PermissionDenied],
        [nameof(CasesServiceMethods.UpdateCase)] = [Expected.Ok, Expected.PermissionDenied, Expected.NotFound, Expected.PermissionDenied, Expected.PermissionDenied],
        [nameof(CasesServiceMethods.ListCaseHistory)] = [Expected.Ok, Expected.Ok, Expected.NotFound, Expected.PermissionDenied, Expected.PermissionDenied],
        [nameof(CasesServiceMethods.ResolveDuplicate)] = [Expected.Ok, Expected.Ok, Expected.NotFound, Expected.PermissionDenied, Expected.PermissionDenied],
    };

    private static int s_seed = 400;

    public static TheoryData<string, Role> Cells()
    {
        var cells = new TheoryData<string, Role>();
        foreach (var method in CasesServiceMethods.Descriptor.Methods.Select(m => m.Name))
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                cells.Add(method, role);
            }
        }

        return cells;
    }

    [Fact]
    public void Matrix_CoversEveryCasesRpc() =>
        Assert.Equal(CasesServiceMethods.Descriptor.Methods.Select(m => m.Name).Order(), Matrix.Keys.Order());

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task EveryRpc_EveryRole_ExpectedOutcomeAndDenialsAudited(string method, Role role)
    {
        // The owner reports the same person twice, so that its second case carries a flag against the first.
        var (arabic, latin) = SyntheticCases.ArabicThenLatin(Interlocked.Increment(ref s_seed));
        using var owner = await CasesApi.SignInAsync(hub, "owner");
        var first = (await owner.ReportAsync(SyntheticReports.Sections(arabic))).Case;
        var second = await owner.ReportAsync(SyntheticReports.Sections(latin));
        var flagId = Assert.Single(second.PossibleDuplicates).FlagId;
        using var caller = await CallerAsync(role, owner, first.CaseId, second.Case.CaseId);

        var expected = Matrix[method][(int)role];
        var (code, containsCase) = await InvokeAsync(caller, method, first, arabic.Names[0].Text, flagId);

        switch (expected)
        {
            case Expected.Ok:
                Assert.Equal(StatusCode.OK, code);
                Assert.True(containsCase, $"{method} as {role} should return case {first.CaseId}");
                break;
            case Expected.Absent:
                Assert.Equal(StatusCode.OK, code);
                Assert.False(containsCase, $"{method} as {role} must not reveal case {first.CaseId}");
                break;
            case Expected.NotFound:
                Assert.Equal(StatusCode.NotFound, code);
                Assert.NotEmpty(await CaseSeeder.DenialsAsync(hub, caller.Agency, method));
                break;
            case Expected.PermissionDenied:
                Assert.Equal(StatusCode.PermissionDenied, code);
                Assert.NotEmpty(await CaseSeeder.DenialsAsync(hub, caller.Agency, method));
                break;
        }
    }

    private async Task<CasesApi> CallerAsync(Role role, CasesApi owner, string firstCaseId, string secondCaseId)
    {
        switch (role)
        {
            case Role.Reporter:
                return await SameAgencyAsync(owner);
            case Role.ReferralHolder:
            case Role.Suspended:
                var holder = await CasesApi.SignInAsync(hub, role == Role.Suspended ? "suspended" : "holder");
                await CaseSeeder.AcceptedReferralAsync(hub, firstCaseId, owner.AgencyId, holder.AgencyId);
                await CaseSeeder.AcceptedReferralAsync(hub, secondCaseId, owner.AgencyId, holder.AgencyId);
                if (role == Role.Suspended)
                {
                    await hub.Trust.SetStatusAsync(holder.AgencyId, Domain.Trust.AgencyStatus.Suspended, "under inquiry");

                    // The grant cache may serve the active grant for up to 1 s; after that the suspension must bite.
                    await Task.Delay(TimeSpan.FromSeconds(1.2));
                }

                return holder;
            case Role.Unrelated:
                return await CasesApi.SignInAsync(hub, "unrelated");
            case Role.AdminWithoutCasesScopes:
                return await CasesApi.SignInAsync(hub, "admin", scopes: [Scopes.AgenciesAdmin]);
            default:
                throw new ArgumentOutOfRangeException(nameof(role), role, null);
        }
    }

    // A second connection of the owner, so that each caller is disposed on its own.
    private async Task<CasesApi> SameAgencyAsync(CasesApi owner) =>
        new(owner.Agency, hub.Client.OpenChannel(owner.Agency.Certificate), await hub.Client.GetTokenAsync(owner.Agency.Certificate, owner.AgencyId));

    private static async Task<(StatusCode Code, bool ContainsCase)> InvokeAsync(CasesApi caller, string method, Case target, string name, string flagId)
    {
        try
        {
            var contains = method switch
            {
                nameof(CasesServiceMethods.ReportMissingPerson) => (await caller.ReportAsync(new CaseSections { Identity = target.Sections.Identity }, caseId: target.CaseId)).Case.CaseId == target.CaseId,
                nameof(CasesServiceMethods.GetCase) => (await caller.GetAsync(target.CaseId)).CaseId == target.CaseId,
                nameof(CasesServiceMethods.ListCases) => (await caller.ListAsync(pageSize: 500)).Cases.Any(c => c.CaseId == target.CaseId),
                nameof(CasesServiceMethods.SearchCases) => (await caller.SearchAsync(name)).Results.Any(r => r.Case.CaseId == target.CaseId),
                nameof(CasesServiceMethods.UpdateCase) => (await caller.UpdateAsync(target.CaseId, target.Etag, status: CaseStatus.LocatedAlive, paths: "status")).CaseId == target.CaseId,
                nameof(CasesServiceMethods.ListCaseHistory) => (await caller.HistoryAsync(target.CaseId)).Events.Count > 0,
                nameof(CasesServiceMethods.ResolveDuplicate) => (await caller.ResolveAsync(target.CaseId, flagId, DuplicateResolution.Dismiss)).CaseId == target.CaseId,
                _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not a Cases RPC; add it here."),
            };
            return (StatusCode.OK, contains);
        }
        catch (RpcException e)
        {
            return (e.Status.Code, false);
        }
    }
}
