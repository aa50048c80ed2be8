using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Server.Tests.Referrals;

/// <summary>
/// Every Referrals RPC × every kind of caller, with the code each must get. "Suspended" is the
/// party that would otherwise be allowed (sender for create and withdraw, recipient otherwise),
/// suspended after it signed in; "admin" holds agencies.admin and cases scopes but no referral
/// scope. Every refusal is audited and changes nothing.
/// </summary>
public sealed class ReferralsAccessMatrixTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    private const StatusCode Ok = StatusCode.OK;

    public static TheoryData<string, string, StatusCode> Matrix()
    {
        var data = new TheoryData<string, string, StatusCode>();
        void Row(string method, StatusCode sender, StatusCode recipient, StatusCode unrelated)
        {
            data.Add(method, "sender", sender);
            data.Add(method, "recipient", recipient);
            data.Add(method, "unrelated", unrelated);
            data.Add(method, "suspended", StatusCode.PermissionDenied);
            data.Add(method, "admin", StatusCode.PermissionDenied);
        }

        Row(nameof(ReferralsServiceMethods.CreateReferral), Ok, StatusCode.NotFound, StatusCode.NotFound);
        Row(nameof(ReferralsServiceMethods.GetReferral), Ok, Ok, StatusCode.NotFound);
        Row(nameof(ReferralsServiceMethods.ListReferrals), Ok, Ok, Ok);
        Row(nameof(ReferralsServiceMethods.AcceptReferral), StatusCode.PermissionDenied, Ok, StatusCode.NotFound);
        Row(nameof(ReferralsServiceMethods.DeclineReferral), StatusCode.PermissionDenied, Ok, StatusCode.NotFound);
        Row(nameof(ReferralsServiceMethods.CompleteReferral), StatusCode.PermissionDenied, Ok, StatusCode.NotFound);
        Row(nameof(ReferralsServiceMethods.WithdrawReferral), Ok, StatusCode.PermissionDenied, StatusCode.NotFound);
        return data;
    }

    [Fact]
    public void Matrix_CoversEveryReferralsRpc() =>
        Assert.Equal(
            ReferralsServiceMethods.Descriptor.Methods.Select(m => m.Name).Order(),
            Matrix().Select(row => (string)row[0]).Distinct().Order());

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EveryRpc_EveryCaller_ExpectedCodeAndRefusalsAuditedWithNothingChanged(string method, string caller, StatusCode expected)
    {
        using var sender = await ReferralWorld.SignInNewAsync(hub, "police");
        using var recipient = await ReferralWorld.SignInNewAsync(hub, "forensics");
        using var unrelated = await ReferralWorld.SignInNewAsync(hub, "stranger");
        var admin = await ReferralWorld.RegisterAsync(hub, "admin", [Scopes.AgenciesAdmin, Scopes.CasesRead, Scopes.CasesWrite]);
        using var adminApi = await ReferralsApi.SignInAsync(hub, admin);
        var caseId = await ReferralWorld.ReportCaseAsync(hub, sender.AgencyId);
        var referral = await sender.CreateAsync(caseId, recipient.AgencyId);
        if (method == nameof(ReferralsServiceMethods.CompleteReferral))
        {
            referral = await recipient.AcceptAsync(referral.ReferralId);
        }

        var senderActs = method is nameof(ReferralsServiceMethods.CreateReferral) or nameof(ReferralsServiceMethods.WithdrawReferral);
        var api = caller switch
        {
            "sender" => sender,
            "recipient" => recipient,
            "unrelated" => unrelated,
            "admin" => adminApi,
            "suspended" => senderActs ? sender : recipient,
            _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, "Not a caller this test knows."),
        };
        var before = await ReferralWorld.StoredAsync(hub, referral.ReferralId);
        if (caller == "suspended")
        {
            await hub.Trust.SetStatusAsync(api.AgencyId, Domain.Trust.AgencyStatus.Suspended, "under review");

            // The grant cache may serve the active grant for up to 1 s; after that the suspension must bite.
            await Task.Delay(TimeSpan.FromSeconds(1.2));
        }

        var referralsBefore = await ReferralWorld.CountReferralsAsync(hub, caseId);
        var (code, listed) = await InvokeAsync(api, method, referral, caseId, caller == "recipient" ? sender.AgencyId : recipient.AgencyId);

        Assert.Equal(expected, code);
        if (method == nameof(ReferralsServiceMethods.ListReferrals) && code == Ok)
        {
            Assert.Equal(caller != "unrelated", listed);
        }

        if (code != Ok)
        {
            var audit = await hub.Trust.AuditEntriesForAsync(api.Agency.Certificate);
            Assert.Contains(audit, e => e.Decision == AuditRecord.Denied && e.Method.EndsWith("/" + method, StringComparison.Ordinal));
            Assert.Equal(referralsBefore, await ReferralWorld.CountReferralsAsync(hub, caseId));
            var after = await ReferralWorld.StoredAsync(hub, referral.ReferralId);
            Assert.Equal((before.State, before.Version), (after.State, after.Version));
        }
    }

    // Calls one RPC on the referral (or, for create, on its case); the code, and for a list whether the referral was in it.
    private static async Task<(StatusCode Code, bool Listed)> InvokeAsync(ReferralsApi api, string method, Referral referral, string caseId, string otherAgencyId)
    {
        var id = referral.ReferralId;
        try
        {
            switch (method)
            {
                case nameof(ReferralsServiceMethods.CreateReferral): await api.CreateAsync(caseId, otherAgencyId); break;
                case nameof(ReferralsServiceMethods.GetReferral): await api.GetAsync(id); break;
                case nameof(ReferralsServiceMethods.ListReferrals):
                    var inbox = await api.ListAsync(ReferralBox.Inbox);
                    var outbox = await api.ListAsync(ReferralBox.Outbox);
                    return (Ok, inbox.Referrals.Concat(outbox.Referrals).Any(r => r.ReferralId == id));
                case nameof(ReferralsServiceMethods.AcceptReferral): await api.AcceptAsync(id); break;
                case nameof(ReferralsServiceMethods.DeclineReferral): await api.DeclineAsync(id); break;
                case nameof(ReferralsServiceMethods.CompleteReferral): await api.CompleteAsync(id); break;
                case nameof(ReferralsServiceMethods.WithdrawReferral): await api.WithdrawAsync(id); break;
                default: throw new ArgumentOutOfRangeException(nameof(method), method, "Not a Referrals RPC; add it here.");
            }

            return (Ok, false);
        }
        catch (RpcException e)
        {
            return (e.Status.Code, false);
        }
    }
}
