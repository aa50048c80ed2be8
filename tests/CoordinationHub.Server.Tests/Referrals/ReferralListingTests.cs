using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Server.Tests.Referrals;

/// <summary>ListReferrals: the box is required, filters narrow, pages run newest first without gaps or repeats.</summary>
public sealed class ReferralListingTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    [Fact]
    public async Task ListReferrals_WithoutBox_InvalidArgument()
    {
        using var agency = await ReferralWorld.SignInNewAsync(hub, "police");

        var error = await Assert.ThrowsAsync<RpcException>(() => agency.ListAsync(ReferralBox.Unspecified));

        Assert.Equal(StatusCode.InvalidArgument, error.Status.Code);
        Assert.Contains("box", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AAAA")]
    public async Task ListReferrals_ForeignPageToken_InvalidArgument(string token)
    {
        using var agency = await ReferralWorld.SignInNewAsync(hub, "police");

        var error = await Assert.ThrowsAsync<RpcException>(() => agency.ListAsync(ReferralBox.Inbox, pageToken: token));

        Assert.Equal(StatusCode.InvalidArgument, error.Status.Code);
    }

    [Fact]
    public async Task ListReferrals_PagedByTwo_NewestFirstEveryReferralOnce()
    {
        using var sender = await ReferralWorld.SignInNewAsync(hub, "police");
        using var recipient = await ReferralWorld.SignInNewAsync(hub, "forensics");
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await sender.CreateAsync(await ReferralWorld.ReportCaseAsync(hub, sender.AgencyId), recipient.AgencyId)).ReferralId);
        }

        var seen = new List<string>();
        var token = string.Empty;
        var pages = 0;
        do
        {
            var page = await recipient.ListAsync(ReferralBox.Inbox, pageSize: 2, pageToken: token);
            seen.AddRange(page.Referrals.Select(r => r.ReferralId));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(created), seen);
    }

    [Fact]
    public async Task ListReferrals_ByStateAndCase_OnlyMatching()
    {
        using var sender = await ReferralWorld.SignInNewAsync(hub, "police");
        using var recipient = await ReferralWorld.SignInNewAsync(hub, "forensics");
        var firstCase = await ReferralWorld.ReportCaseAsync(hub, sender.AgencyId);
        var secondCase = await ReferralWorld.ReportCaseAsync(hub, sender.AgencyId);
        var accepted = await recipient.AcceptAsync((await sender.CreateAsync(firstCase, recipient.AgencyId)).ReferralId);
        var pending = await sender.CreateAsync(secondCase, recipient.AgencyId);

        Assert.Equal(accepted, Assert.Single((await sender.ListAsync(ReferralBox.Outbox, ReferralState.Accepted)).Referrals));
        Assert.Equal(pending, Assert.Single((await recipient.ListAsync(ReferralBox.Inbox, ReferralState.Pending)).Referrals));
        Assert.Equal(pending, Assert.Single((await recipient.ListAsync(ReferralBox.Inbox, caseId: secondCase)).Referrals));
        Assert.Empty((await recipient.ListAsync(ReferralBox.Inbox, ReferralState.Completed)).Referrals);
    }
}
