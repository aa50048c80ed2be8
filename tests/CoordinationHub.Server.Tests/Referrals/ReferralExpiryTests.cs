using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;
using DomainState = CoordinationHub.Domain.Referrals.ReferralState;

namespace CoordinationHub.Server.Tests.Referrals;

/// <summary>A hub whose expiry sweep runs every 200 ms.</summary>
public sealed class FastExpiryHubTestHost : HubTestHost
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Hub:Referrals:ExpirySweepInterval"] = "00:00:00.200";
        return settings;
    }
}

/// <summary>
/// Overdue referrals: reads show them expired at once; the sweep stores the expiry with a case
/// event and an audit entry. Due times are moved into the past in the database, since the API
/// rightly refuses a due time that is not in the future.
/// </summary>
public sealed class ReferralExpiryTests(FastExpiryHubTestHost hub) : IClassFixture<FastExpiryHubTestHost>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sweep_PendingOrAcceptedPastDue_ExpiredWithEventAndAudit(bool accepted)
    {
        var (sender, recipient, referral) = await SentAsync(accepted);
        using var _ = sender;
        using var __ = recipient;

        await MakeOverdueAsync(referral.ReferralId);
        var stored = await WaitForStoredStateAsync(referral.ReferralId, DomainState.Expired);

        Assert.Equal(DomainState.Expired, stored.State);
        var read = await recipient.GetAsync(referral.ReferralId);
        Assert.Equal(ReferralState.Expired, read.State);
        Assert.Contains(await ReferralWorld.EventsAsync(hub, referral.CaseId), e => e.Description.EndsWith("expired: the due time passed", StringComparison.Ordinal) && e.AgencyId.Length == 0);
        Assert.Contains(await ReferralWorld.AuditAsync(hub, "referral:" + referral.ReferralId), e => e.Decision == AuditRecord.Allowed && e.Method == "hub:referral-expiry-sweep");
        Assert.Equal(read, Assert.Single((await sender.ListAsync(ReferralBox.Outbox, ReferralState.Expired)).Referrals));
    }

    [Fact]
    public async Task Sweep_FinalReferralPastDue_LeftAlone()
    {
        var (sender, recipient, referral) = await SentAsync(accepted: false);
        using var _ = sender;
        using var __ = recipient;
        await recipient.DeclineAsync(referral.ReferralId);

        await MakeOverdueAsync(referral.ReferralId);
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(ReferralState.Declined, (await sender.GetAsync(referral.ReferralId)).State);
    }

    [Fact]
    public async Task Accept_OverdueReferral_FailedPrecondition()
    {
        var (sender, recipient, referral) = await SentAsync(accepted: false);
        using var _ = sender;
        using var __ = recipient;
        await MakeOverdueAsync(referral.ReferralId);

        // Whether or not the sweep got there first, the referral is expired and cannot be accepted
        // (or, if the sweep moved it between the read and the write, the write is ABORTED).
        var error = await Assert.ThrowsAsync<RpcException>(() => recipient.AcceptAsync(referral.ReferralId));

        Assert.Contains(error.Status.Code, new[] { StatusCode.FailedPrecondition, StatusCode.Aborted });
        Assert.Equal(ReferralState.Expired, (await sender.GetAsync(referral.ReferralId)).State);
    }

    private async Task<(ReferralsApi Sender, ReferralsApi Recipient, Referral Referral)> SentAsync(bool accepted)
    {
        var sender = await ReferralWorld.SignInNewAsync(hub, "police");
        var recipient = await ReferralWorld.SignInNewAsync(hub, "forensics");
        var caseId = await ReferralWorld.ReportCaseAsync(hub, sender.AgencyId);
        var referral = await sender.CreateAsync(caseId, recipient.AgencyId);
        return (sender, recipient, accepted ? await recipient.AcceptAsync(referral.ReferralId) : referral);
    }

    private async Task MakeOverdueAsync(string referralId)
    {
        var id = Guid.Parse(referralId);
        await using var db = hub.Trust.OpenDb();
        await db.Referrals.Where(r => r.ReferralId == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.DueAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
    }

    private async Task<Persistence.Records.Cases.ReferralRecord> WaitForStoredStateAsync(string referralId, DomainState state)
    {
        var id = Guid.Parse(referralId);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
        while (true)
        {
            await using var db = hub.Trust.OpenDb();
            var record = await db.Referrals.AsNoTracking().SingleAsync(r => r.ReferralId == id);
            if (record.State == state || DateTimeOffset.UtcNow > deadline)
            {
                return record;
            }

            await Task.Delay(100);
        }
    }
}
