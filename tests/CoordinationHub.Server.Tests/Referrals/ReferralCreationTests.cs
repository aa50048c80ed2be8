using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Testing.Hub;
using Google.Protobuf.WellKnownTypes;

namespace CoordinationHub.Server.Tests.Referrals;

/// <summary>CreateReferral over gRPC with real authentication: where a referral shows up, idempotency, and input that must change nothing.</summary>
public sealed class ReferralCreationTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    [Fact]
    public async Task CreateReferral_ByReporter_PendingInRecipientInboxAndSenderOutboxWithEventAndAudit()
    {
        using var sender = await ReferralWorld.SignInNewAsync(hub, "police");
        using var recipient = await ReferralWorld.SignInNewAsync(hub, "forensics");
        var caseId = await ReferralWorld.ReportCaseAsync(hub, sender.AgencyId);

        var created = await sender.CreateAsync(caseId, recipient.AgencyId);

        Assert.Equal(ReferralState.Pending, created.State);
        Assert.Equal(sender.AgencyId, created.FromAgencyId);
        Assert.NotEmpty(created.Etag);
        Assert.Equal(created, Assert.Single((await recipient.ListAsync(ReferralBox.Inbox)).Referrals));
        Assert.Equal(created, Assert.Single((await sender.ListAsync(ReferralBox.Outbox)).Referrals));
        Assert.Empty((await sender.ListAsync(ReferralBox.Inbox)).Referrals);
        Assert.Empty((await recipient.ListAsync(ReferralBox.Outbox)).Referrals);
        var referred = Assert.Single(await ReferralWorld.EventsAsync(hub, caseId));
        Assert.StartsWith($"referred to {recipient.AgencyId} for search", referred.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("detention", referred.Description, StringComparison.Ordinal);
        var entry = Assert.Single(await ReferralWorld.AuditAsync(hub, "referral:" + created.ReferralId));
        Assert.Equal(AuditRecord.Allowed, entry.Decision);
        Assert.Equal("duty-officer", entry.Officer);
        Assert.Equal(caseId, entry.CaseId);
    }

    [Fact]
    public async Task CreateReferral_SameRequestIdSamePayload_ReturnsTheFirstReferral()
    {
        using var sender = await ReferralWorld.SignInNewAsync(hub, "police");
        using var recipient = await ReferralWorld.SignInNewAsync(hub, "forensics");
        var caseId = await ReferralWorld.ReportCaseAsync(hub, sender.AgencyId);
        var request = ReferralsApi.NewRequest(caseId, recipient.AgencyId);
        request.DataCategories.Add(DataCategory.Circumstances);

        var first = await sender.CreateAsync(request);
        var retry = request.Clone();
        retry.DataCategories.Clear();
        retry.DataCategories.Add([DataCategory.Circumstances, DataCategory.Identity, DataCategory.Identity]);
        var second = await sender.CreateAsync(retry);

        Assert.Equal(first, second);
        Assert.Equal(1, await ReferralWorld.CountReferralsAsync(hub, caseId));
        Assert.Single(await ReferralWorld.EventsAsync(hub, caseId));
    }

    [Fact]
    public async Task CreateReferral_SameRequestIdConcurrently_OneReferral()
    {
        using var sender = await ReferralWorld.SignInNewAsync(hub, "police");
        using var recipient = await ReferralWorld.SignInNewAsync(hub, "forensics");
        var caseId = await ReferralWorld.ReportCaseAsync(hub, sender.AgencyId);
        var request = ReferralsApi.NewRequest(caseId, recipient.AgencyId);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => sender.CreateAsync(request)));

        Assert.Single(answers.Select(a => a.ReferralId).Distinct());
        Assert.Equal(1, await ReferralWorld.CountReferralsAsync(hub, caseId));
    }

    [Fact]
    public async Task CreateReferral_SameRequestIdDifferentPayload_AlreadyExistsAndNothingChanged()
    {
        using var sender = await ReferralWorld.SignInNewAsync(hub, "police");
        using var recipient = await ReferralWorld.SignInNewAsync(hub, "forensics");
        var caseId = await ReferralWorld.ReportCaseAsync(hub, sender.AgencyId);
        var request = ReferralsApi.NewRequest(caseId, recipient.AgencyId);
        var first = await sender.CreateAsync(request);
        var other = request.Clone();
        other.Reason = "a different request under the same key";

        var error = await Assert.ThrowsAsync<RpcException>(() => sender.CreateAsync(other));

        Assert.Equal(StatusCode.AlreadyExists, error.Status.Code);
        Assert.Equal(1, await ReferralWorld.CountReferralsAsync(hub, caseId));
        Assert.Equal(first, await sender.GetAsync(first.ReferralId));
        Assert.Contains(await ReferralWorld.AuditAsync(hub, "referral:" + first.ReferralId), e => e.Decision == AuditRecord.Denied && e.Reason.StartsWith("AlreadyExists", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateReferral_SameRequestIdFromAnotherSender_IsAnotherReferral()
    {
        using var first = await ReferralWorld.SignInNewAsync(hub, "police");
        using var second = await ReferralWorld.SignInNewAsync(hub, "ministry");
        using var recipient = await ReferralWorld.SignInNewAsync(hub, "forensics");
        var caseId = await ReferralWorld.ReportCaseAsync(hub, first.AgencyId);
        var otherCaseId = await ReferralWorld.ReportCaseAsync(hub, second.AgencyId);

        var a = await first.CreateAsync(ReferralsApi.NewRequest(caseId, recipient.AgencyId, "shared-key"));
        var b = await second.CreateAsync(ReferralsApi.NewRequest(otherCaseId, recipient.AgencyId, "shared-key"));

        Assert.NotEqual(a.ReferralId, b.ReferralId);
    }

    public static TheoryData<string, StatusCode> BadRequests() => new()
    {
        { "missing request_id", StatusCode.InvalidArgument },
        { "past due_time", StatusCode.InvalidArgument },
        { "due_time beyond the horizon", StatusCode.InvalidArgument },
        { "missing due_time", StatusCode.InvalidArgument },
        { "missing reason", StatusCode.InvalidArgument },
        { "missing purpose", StatusCode.InvalidArgument },
        { "no categories", StatusCode.InvalidArgument },
        { "genetic for criminal investigation", StatusCode.InvalidArgument },
        { "to itself", StatusCode.InvalidArgument },
        { "unknown recipient", StatusCode.NotFound },
        { "suspended recipient", StatusCode.FailedPrecondition },
        { "categories outside the recipient's claims", StatusCode.InvalidArgument },
        { "categories outside the sender's claims", StatusCode.InvalidArgument },
        { "purpose outside the recipient's claims", StatusCode.InvalidArgument },
        { "unknown case", StatusCode.NotFound },
        { "case of another agency", StatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task CreateReferral_BadInput_RefusedAuditedAndNothingChanged(string flaw, StatusCode expected)
    {
        // The sender claims identity, circumstances, antemortem; the recipient only identity.
        using var sender = await ReferralWorld.SignInNewAsync(hub, "police");
        var recipient = await ReferralWorld.RegisterAsync(hub, "forensics", categories: [Domain.Trust.DataCategories.Identity]);
        var suspended = await ReferralWorld.RegisterAsync(hub, "dormant", status: Domain.Trust.AgencyStatus.Suspended);
        var stranger = await ReferralWorld.RegisterAsync(hub, "stranger");
        var caseId = await ReferralWorld.ReportCaseAsync(hub, sender.AgencyId);
        var strangersCase = await ReferralWorld.ReportCaseAsync(hub, stranger.AgencyId);
        var request = ReferralsApi.NewRequest(caseId, recipient.AgencyId);
        switch (flaw)
        {
            case "missing request_id": request.RequestId = ""; break;
            case "past due_time": request.DueTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1)); break;
            case "due_time beyond the horizon": request.DueTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddYears(3)); break;
            case "missing due_time": request.DueTime = null; break;
            case "missing reason": request.Reason = "  "; break;
            case "missing purpose": request.Purpose = Purpose.Unspecified; break;
            case "no categories": request.DataCategories.Clear(); break;
            case "genetic for criminal investigation": request.Purpose = Purpose.CriminalInvestigation; request.DataCategories.Add(DataCategory.Genetic); break;
            case "to itself": request.ToAgencyId = sender.AgencyId; break;
            case "unknown recipient": request.ToAgencyId = "no-such-agency"; break;
            case "suspended recipient": request.ToAgencyId = suspended.AgencyId; break;
            case "categories outside the recipient's claims": request.DataCategories.Add(DataCategory.Antemortem); break;
            case "categories outside the sender's claims": request.ToAgencyId = stranger.AgencyId; request.DataCategories.Add(DataCategory.Genetic); break;
            case "purpose outside the recipient's claims": request.Purpose = Purpose.FamilyRights; break;
            case "unknown case": request.CaseId = "MP-2026-999999"; break;
            case "case of another agency": request.CaseId = strangersCase; break;
            default: throw new ArgumentOutOfRangeException(nameof(flaw), flaw, "Not a flaw this test knows.");
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => sender.CreateAsync(request));

        Assert.Equal(expected, error.Status.Code);
        Assert.Equal(0, await ReferralWorld.CountReferralsAsync(hub, caseId));
        Assert.Equal(0, await ReferralWorld.CountReferralsAsync(hub, strangersCase));
        Assert.Empty(await ReferralWorld.EventsAsync(hub, caseId));
        var audit = await hub.Trust.AuditEntriesForAsync(sender.Agency.Certificate);
        Assert.Contains(audit, e => e.Decision == AuditRecord.Denied && e.Method.EndsWith("/CreateReferral", StringComparison.Ordinal) && e.Reason.StartsWith(expected.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(audit, e => e.Decision == AuditRecord.Allowed && e.Method.EndsWith("/CreateReferral", StringComparison.Ordinal));
        if (flaw.StartsWith("categories outside", StringComparison.Ordinal))
        {
            Assert.Contains(flaw.Contains("recipient", StringComparison.Ordinal) ? "antemortem" : "genetic", error.Status.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CreateReferral_OnwardByReferralHolder_LimitedToTheReferralItHolds()
    {
        using var reporter = await ReferralWorld.SignInNewAsync(hub, "police");
        using var holder = await ReferralWorld.SignInNewAsync(hub, "forensics");
        var next = await ReferralWorld.RegisterAsync(hub, "laboratory");
        var caseId = await ReferralWorld.ReportCaseAsync(hub, reporter.AgencyId);
        var referral = await reporter.CreateAsync(caseId, holder.AgencyId);
        var early = await Assert.ThrowsAsync<RpcException>(() => holder.CreateAsync(caseId, next.AgencyId));
        await holder.AcceptAsync(referral.ReferralId);

        var onward = await holder.CreateAsync(caseId, next.AgencyId);
        var wider = ReferralsApi.NewRequest(caseId, next.AgencyId);
        wider.DataCategories.Add(DataCategory.Circumstances);
        var tooWide = await Assert.ThrowsAsync<RpcException>(() => holder.CreateAsync(wider));

        Assert.Equal(StatusCode.NotFound, early.Status.Code);
        Assert.Equal(ReferralState.Pending, onward.State);
        Assert.Equal(StatusCode.InvalidArgument, tooWide.Status.Code);
        Assert.Contains("circumstances", tooWide.Status.Detail, StringComparison.Ordinal);
    }
}
