using CoordinationHub.Contracts.V1;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Server.Tests.Referrals;

/// <summary>Reading a referral or a box is audited like a change: an allowed entry naming the referral or box and the case, committed before the answer.</summary>
public sealed class ReferralReadAuditTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    [Fact]
    public async Task GetReferral_ByRecipient_AuditedAsAllowedReadWithTheCase()
    {
        using var sender = await ReferralWorld.SignInNewAsync(hub, "police");
        using var recipient = await ReferralWorld.SignInNewAsync(hub, "forensics");
        var caseId = await ReferralWorld.ReportCaseAsync(hub, sender.AgencyId);
        var referral = await sender.CreateAsync(caseId, recipient.AgencyId);

        await recipient.GetAsync(referral.ReferralId);

        var read = Assert.Single(await ReferralWorld.AuditAsync(hub, "referral:" + referral.ReferralId), e => e.Method.EndsWith("/GetReferral", StringComparison.Ordinal));
        Assert.Equal((AuditRecord.Allowed, recipient.AgencyId, caseId, "read"), (read.Decision, read.AgencyId, read.CaseId, read.Reason));
    }

    [Fact]
    public async Task ListReferrals_InboxForOneCase_AuditedAsAllowedWithBoxCaseAndCount()
    {
        using var sender = await ReferralWorld.SignInNewAsync(hub, "police");
        using var recipient = await ReferralWorld.SignInNewAsync(hub, "forensics");
        var caseId = await ReferralWorld.ReportCaseAsync(hub, sender.AgencyId);
        await sender.CreateAsync(caseId, recipient.AgencyId);

        await recipient.ListAsync(ReferralBox.Inbox, caseId: caseId);

        var listed = Assert.Single(await hub.Trust.AuditEntriesForAsync(recipient.Agency.Certificate), e => e.Method.EndsWith("/ListReferrals", StringComparison.Ordinal));
        Assert.Equal((AuditRecord.Allowed, "referrals:inbox", caseId), (listed.Decision, listed.Target, listed.CaseId));
        Assert.StartsWith("listed 1 referrals", listed.Reason, StringComparison.Ordinal);
    }
}
