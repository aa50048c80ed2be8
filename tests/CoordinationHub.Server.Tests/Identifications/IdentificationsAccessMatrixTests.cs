using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Server.Tests.Identifications;

/// <summary>
/// Every Identifications and Notifications RPC × every kind of caller: the party that may call it,
/// an agency that cannot see the case, one without the scope, the party suspended, the party with
/// no token, and the party's token over another agency's certificate. Every refusal is audited and
/// leaves the identification as it was.
/// </summary>
public sealed class IdentificationsAccessMatrixTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    private const StatusCode Ok = StatusCode.OK;

    public static TheoryData<string, string, StatusCode> Matrix()
    {
        var data = new TheoryData<string, string, StatusCode>();
        void Row(string method, StatusCode unrelated)
        {
            data.Add(method, "party", Ok);
            data.Add(method, "unrelated", unrelated);
            data.Add(method, "no-scope", StatusCode.PermissionDenied);
            data.Add(method, "suspended", StatusCode.PermissionDenied);
            data.Add(method, "no-token", StatusCode.Unauthenticated);
            data.Add(method, "other-certificate", StatusCode.Unauthenticated);
        }

        Row(nameof(IdentificationsServiceMethods.ReportIdentification), StatusCode.NotFound);
        Row(nameof(IdentificationsServiceMethods.GetIdentification), StatusCode.NotFound);
        Row(nameof(IdentificationsServiceMethods.ListIdentifications), StatusCode.NotFound);
        Row(nameof(IdentificationsServiceMethods.ConfirmIdentification), StatusCode.NotFound);
        Row(nameof(IdentificationsServiceMethods.RejectIdentification), StatusCode.NotFound);
        Row(nameof(IdentificationsServiceMethods.RecordFamilyInformed), StatusCode.NotFound);
        Row(nameof(NotificationsServiceMethods.Subscribe), Ok);
        Row(nameof(NotificationsServiceMethods.Ack), Ok);
        return data;
    }

    [Fact]
    public void Matrix_CoversEveryIdentificationsAndNotificationsRpc() =>
        Assert.Equal(
            IdentificationsServiceMethods.Descriptor.Methods.Concat(NotificationsServiceMethods.Descriptor.Methods).Select(m => m.Name).Order(),
            Matrix().Select(row => (string)row[0]).Distinct().Order());

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EveryRpc_EveryCaller_ExpectedCodeAndRefusalsAuditedWithNothingChanged(string method, string caller, StatusCode expected)
    {
        var world = await IdentificationWorld.CreateAsync(hub);
        using var lab = await IdentificationsApi.SignInAsync(hub.Client, world.Laboratory);
        using var judge = await IdentificationsApi.SignInAsync(hub.Client, world.Judicial);
        var identification = await lab.ReportAsync(world.CaseId);
        if (method == nameof(IdentificationsServiceMethods.RecordFamilyInformed))
        {
            identification = await judge.ConfirmAsync(identification.IdentificationId);
        }

        var party = method switch
        {
            nameof(IdentificationsServiceMethods.ReportIdentification) => world.Laboratory,
            nameof(IdentificationsServiceMethods.ConfirmIdentification) or nameof(IdentificationsServiceMethods.RejectIdentification) => world.Judicial,
            nameof(IdentificationsServiceMethods.RecordFamilyInformed) => world.Family,
            _ => world.Ministry,
        };
        var agency = caller is "unrelated" ? world.Stranger : party;
        if (caller == "no-scope")
        {
            await hub.Trust.SetScopesAsync(agency.AgencyId, Domain.Trust.Scopes.CasesRead);

            // The grant cache may serve the old scopes for up to 1 s, to the token endpoint too.
            await Task.Delay(TimeSpan.FromSeconds(1.2));
        }

        var token = await hub.Client.GetTokenAsync(agency.Certificate, agency.AgencyId);
        using var channel = hub.Client.OpenChannel(caller == "other-certificate" ? world.Stranger.Certificate : agency.Certificate);
        using var api = new IdentificationsApi(agency, channel, caller == "no-token" ? null! : token);
        if (caller == "suspended")
        {
            await hub.Trust.SetStatusAsync(agency.AgencyId, Domain.Trust.AgencyStatus.Suspended, "under review");

            // The grant cache may serve the active grant for up to 1 s; after that the suspension must bite.
            await Task.Delay(TimeSpan.FromSeconds(1.2));
        }

        var before = await IdentificationWorld.StoredAsync(hub, identification.IdentificationId);
        var code = await InvokeAsync(api, method, identification, world.CaseId);

        Assert.Equal(expected, code);
        if (code != Ok)
        {
            var audit = await hub.Trust.AuditEntriesForAsync(caller == "other-certificate" ? world.Stranger.Certificate : agency.Certificate);
            Assert.Contains(audit, e => e.Decision == AuditRecord.Denied && e.Method.EndsWith("/" + method, StringComparison.Ordinal));
            var after = await IdentificationWorld.StoredAsync(hub, identification.IdentificationId);
            Assert.Equal((before!.State, before.Version), (after!.State, after.Version));
            Assert.Equal(1, await IdentificationWorld.CountAsync(hub, world.CaseId));
        }
    }

    private static async Task<StatusCode> InvokeAsync(IdentificationsApi api, string method, Identification identification, string caseId)
    {
        var id = identification.IdentificationId;
        try
        {
            switch (method)
            {
                case nameof(IdentificationsServiceMethods.ReportIdentification): await api.ReportAsync(caseId); break;
                case nameof(IdentificationsServiceMethods.GetIdentification): await api.GetAsync(id); break;
                case nameof(IdentificationsServiceMethods.ListIdentifications): await api.ListAsync(caseId); break;
                case nameof(IdentificationsServiceMethods.ConfirmIdentification): await api.ConfirmAsync(id); break;
                case nameof(IdentificationsServiceMethods.RejectIdentification): await api.RejectAsync(id); break;
                case nameof(IdentificationsServiceMethods.RecordFamilyInformed): await api.RecordFamilyInformedAsync(id); break;
                case nameof(NotificationsServiceMethods.Ack): await api.AckAsync(0); break;
                case nameof(NotificationsServiceMethods.Subscribe):
                    using (var stream = api.Subscribe(afterSequence: 0))
                    {
                        // The first message of an admitted stream is a heartbeat.
                        await foreach (var item in stream.ReadAllAsync())
                        {
                            Assert.Equal(SubscribeResponse.ItemOneofCase.Heartbeat, item.ItemCase);
                            break;
                        }
                    }

                    break;
                default: throw new ArgumentOutOfRangeException(nameof(method), method, "Not an RPC of these services; add it here.");
            }

            return Ok;
        }
        catch (RpcException e)
        {
            return e.Status.Code;
        }
    }
}
