using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Server.Tests.Consents;

/// <summary>
/// Every Consents RPC × every kind of caller, with the code each must get. "may": the agency the
/// rules let act (the collecting family association for consent writes, the court for
/// authorisations, a DNA laboratory that sees the case for reads); "may not": an agency holding
/// every consent scope that cannot see the case (for authorisations: one of a non-judicial kind
/// holding authorisations.write); "suspended": the "may" agency, suspended after signing in; "no
/// token" and "foreign CA": wrong credentials; "withdrawn": the "may" agency acting on a consent
/// already withdrawn. Every refusal made by the hub is audited and changes nothing.
/// </summary>
public sealed class ConsentsAccessMatrixTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    private const StatusCode Ok = StatusCode.OK;

    private static readonly string[] Callers = ["may", "may not", "suspended", "no token", "foreign CA", "withdrawn"];

    public static TheoryData<string, string, StatusCode> Matrix()
    {
        var data = new TheoryData<string, string, StatusCode>();
        void Row(string method, StatusCode mayNot, StatusCode onWithdrawn)
        {
            StatusCode[] codes = [Ok, mayNot, StatusCode.PermissionDenied, StatusCode.Unauthenticated, StatusCode.Unavailable, onWithdrawn];
            for (var i = 0; i < Callers.Length; i++)
            {
                data.Add(method, Callers[i], codes[i]);
            }
        }

        Row(nameof(ConsentsServiceMethods.RecordConsent), StatusCode.NotFound, Ok);
        Row(nameof(ConsentsServiceMethods.GetConsent), StatusCode.NotFound, Ok);
        Row(nameof(ConsentsServiceMethods.ListConsents), StatusCode.NotFound, Ok);
        Row(nameof(ConsentsServiceMethods.WithdrawConsent), StatusCode.NotFound, StatusCode.FailedPrecondition);
        Row(nameof(ConsentsServiceMethods.RecordLegalAuthorisation), StatusCode.PermissionDenied, Ok);
        Row(nameof(ConsentsServiceMethods.GetLegalAuthorisation), StatusCode.NotFound, Ok);
        Row(nameof(ConsentsServiceMethods.ListLegalAuthorisations), StatusCode.NotFound, Ok);
        return data;
    }

    [Fact]
    public void Matrix_CoversEveryConsentsRpc() =>
        Assert.Equal(
            ConsentsServiceMethods.Descriptor.Methods.Select(m => m.Name).Order(),
            Matrix().Select(row => (string)row[0]).Distinct().Order());

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EveryRpc_EveryCaller_ExpectedCodeAndRefusalsAuditedWithNothingChanged(string method, string caller, StatusCode expected)
    {
        var world = new ConsentWorld(hub);
        var collector = await world.FamilyAssociationAsync();
        var lab = await world.DnaLabAsync();
        var court = await world.CourtAsync();
        var (caseId, _) = await world.ReportCaseAsync(collector, seed: 1200 + Callers.ToList().IndexOf(caller));
        await world.ReferAsync(caseId, collector, lab, Purposes.Identification, DataCategories.Identity);
        using var collectorApi = await ConsentsApi.SignInAsync(hub, collector);
        using var courtApi = await ConsentsApi.SignInAsync(hub, court);
        var consent = await collectorApi.RecordAsync(ConsentsApi.NewConsent(caseId, ConsentsApi.Scope(Purpose.Identification, [DataCategory.Genetic], agencies: [lab.AgencyId])));
        var authorisation = await courtApi.RecordAsync(ConsentsApi.NewCourtOrder(caseId, ConsentsApi.Scope(Purpose.Identification, [DataCategory.Antemortem], kinds: [AgencyKind.Health])));
        if (caller == "withdrawn")
        {
            consent = await collectorApi.WithdrawAsync(consent.ConsentId);
        }

        var mayAct = method switch
        {
            nameof(ConsentsServiceMethods.RecordConsent) or nameof(ConsentsServiceMethods.WithdrawConsent) => collector,
            nameof(ConsentsServiceMethods.RecordLegalAuthorisation) => court,
            _ => lab,
        };
        var mayNot = method == nameof(ConsentsServiceMethods.RecordLegalAuthorisation)
            ? await hub.Trust.RegisterAgencyAsync("not-a-court", [Scopes.AuthorisationsWrite], kind: "INTERIOR")
            : await hub.Trust.RegisterAgencyAsync("stranger", [.. ConsentWorld.CollectorScopes, Scopes.AuthorisationsWrite], kind: "FAMILY_ASSOCIATION");
        var acting = caller == "may not" ? mayNot : mayAct;
        using var api = caller switch
        {
            "no token" => new ConsentsApi(acting.AgencyId, hub.Client.OpenChannel(acting.Certificate), token: null),
            "foreign CA" => new ConsentsApi(acting.AgencyId, hub.Client.OpenChannel(HubTestHost.ForeignCertificate(acting.AgencyId)), token: null),
            _ => await ConsentsApi.SignInAsync(hub, acting),
        };
        if (caller == "suspended")
        {
            await hub.Trust.SetStatusAsync(acting.AgencyId, Domain.Trust.AgencyStatus.Suspended, "under review");

            // The grant cache may serve the active grant for up to 1 s; after that the suspension must bite.
            await Task.Delay(TimeSpan.FromSeconds(1.2));
        }

        var grantsBefore = await world.CountGrantsAsync(caseId);
        var consentBefore = await world.StoredAsync(consent.ConsentId);
        var code = await InvokeAsync(api, method, caseId, consent, authorisation, lab.AgencyId);

        Assert.Equal(expected, code);
        if (code != Ok)
        {
            Assert.Equal(grantsBefore, await world.CountGrantsAsync(caseId));
            var consentAfter = await world.StoredAsync(consent.ConsentId);
            Assert.Equal((consentBefore.WithdrawnAt, consentBefore.Version), (consentAfter.WithdrawnAt, consentAfter.Version));
            if (caller != "foreign CA")
            {
                // A foreign certificate is refused in the TLS handshake: no call, nothing to audit.
                var audit = await hub.Trust.AuditEntriesForAsync(acting.Certificate);
                Assert.Contains(audit, e => e.Decision == AuditRecord.Denied && e.Method.EndsWith("/" + method, StringComparison.Ordinal));
            }
        }
    }

    // Calls one RPC on the case's consent or authorisation (for a record, a new one on the case).
    private static async Task<StatusCode> InvokeAsync(ConsentsApi api, string method, string caseId, Consent consent, LegalAuthorisation authorisation, string labId)
    {
        try
        {
            switch (method)
            {
                case nameof(ConsentsServiceMethods.RecordConsent):
                    await api.RecordAsync(ConsentsApi.NewConsent(caseId, ConsentsApi.Scope(Purpose.Identification, [DataCategory.Antemortem], agencies: [labId]), relation: "brother"));
                    break;
                case nameof(ConsentsServiceMethods.GetConsent): await api.GetAsync(consent.ConsentId); break;
                case nameof(ConsentsServiceMethods.ListConsents): Assert.Single((await api.ListAsync(caseId)).Consents); break;
                case nameof(ConsentsServiceMethods.WithdrawConsent): await api.WithdrawAsync(consent.ConsentId); break;
                case nameof(ConsentsServiceMethods.RecordLegalAuthorisation):
                    await api.RecordAsync(ConsentsApi.NewCourtOrder(caseId, ConsentsApi.Scope(Purpose.Identification, [DataCategory.Identity], kinds: [AgencyKind.Health])));
                    break;
                case nameof(ConsentsServiceMethods.GetLegalAuthorisation): await api.GetAuthorisationAsync(authorisation.AuthorisationId); break;
                case nameof(ConsentsServiceMethods.ListLegalAuthorisations): Assert.Single((await api.ListAuthorisationsAsync(caseId)).LegalAuthorisations); break;
                default: throw new ArgumentOutOfRangeException(nameof(method), method, "Not a Consents RPC; add it here.");
            }

            return Ok;
        }
        catch (RpcException e)
        {
            return e.Status.Code;
        }
    }
}
