using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Testing.Hub;
using Microsoft.EntityFrameworkCore;
using DomainState = CoordinationHub.Domain.Identifications.IdentificationState;

namespace CoordinationHub.Server.Tests.Identifications;

/// <summary>
/// A laboratory reports, a second authority reviews, the family's liaison records the family
/// informed; the case's status follows; refusals are precise and change nothing.
/// </summary>
public sealed class IdentificationsTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    [Fact]
    public async Task Report_ConfirmedBySecondAuthority_CaseIdentifiedDeceased_FamilyInformed()
    {
        var world = await IdentificationWorld.CreateAsync(hub);
        using var lab = await IdentificationsApi.SignInAsync(hub.Client, world.Laboratory);
        using var judge = await IdentificationsApi.SignInAsync(hub.Client, world.Judicial);
        using var family = await IdentificationsApi.SignInAsync(hub.Client, world.Family);

        var reported = await lab.ReportAsync(world.CaseId);
        Assert.Equal(IdentificationState.Reported, reported.State);
        Assert.Equal("OPEN", (await IdentificationWorld.StoredCaseAsync(hub, world.CaseId)).Status);

        var confirmed = await judge.ConfirmAsync(reported.IdentificationId, reported.Etag);
        Assert.Equal((IdentificationState.Confirmed, world.Judicial.AgencyId), (confirmed.State, confirmed.ReviewingAgencyId));
        Assert.Equal("IDENTIFIED_DECEASED", (await IdentificationWorld.StoredCaseAsync(hub, world.CaseId)).Status);

        var informed = await family.RecordFamilyInformedAsync(reported.IdentificationId);
        Assert.Equal(world.Family.AgencyId, informed.FamilyInformedByAgencyId);
        Assert.NotNull(informed.FamilyInformedTime);

        await using var db = hub.Trust.OpenDb();
        var history = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == world.CaseId).OrderBy(e => e.Id).Select(e => e.Description).ToListAsync();
        Assert.Collection(history,
            e => Assert.Contains("reported", e, StringComparison.Ordinal),
            e => Assert.Contains("confirmed by " + world.Judicial.AgencyId, e, StringComparison.Ordinal),
            e => Assert.Contains("family informed", e, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Confirm_LivingMatch_CaseLocatedAlive()
    {
        var world = await IdentificationWorld.CreateAsync(hub);
        using var lab = await IdentificationsApi.SignInAsync(hub.Client, world.Laboratory);
        using var ministry = await IdentificationsApi.SignInAsync(hub.Client, world.Ministry);

        var reported = await lab.ReportAsync(world.CaseId, MatchedPerson.Living);
        await ministry.ConfirmAsync(reported.IdentificationId);

        Assert.Equal("LOCATED_ALIVE", (await IdentificationWorld.StoredCaseAsync(hub, world.CaseId)).Status);
    }

    [Fact]
    public async Task Reject_BySecondAuthority_CaseUnchanged_NoSecondReview()
    {
        var world = await IdentificationWorld.CreateAsync(hub);
        using var lab = await IdentificationsApi.SignInAsync(hub.Client, world.Laboratory);
        using var judge = await IdentificationsApi.SignInAsync(hub.Client, world.Judicial);
        using var ministry = await IdentificationsApi.SignInAsync(hub.Client, world.Ministry);
        var reported = await lab.ReportAsync(world.CaseId);

        var rejected = await judge.RejectAsync(reported.IdentificationId);
        var again = await Assert.ThrowsAsync<RpcException>(() => ministry.ConfirmAsync(reported.IdentificationId));

        Assert.Equal(IdentificationState.Rejected, rejected.State);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Contains("already rejected", again.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("OPEN", (await IdentificationWorld.StoredCaseAsync(hub, world.CaseId)).Status);
    }

    [Fact]
    public async Task Confirm_ByReporter_PermissionDenied_NothingChangesNorIsNotified()
    {
        var world = await IdentificationWorld.CreateAsync(hub);
        var labWithConfirm = world.Laboratory;
        await hub.Trust.SetScopesAsync(labWithConfirm.AgencyId, Domain.Trust.Scopes.IdentificationsReport, Domain.Trust.Scopes.IdentificationsConfirm);
        await Task.Delay(TimeSpan.FromSeconds(1.2)); // past the grant cache
        using var lab = await IdentificationsApi.SignInAsync(hub.Client, labWithConfirm);
        var reported = await lab.ReportAsync(world.CaseId);
        var outboxBefore = (await IdentificationWorld.OutboxAsync(hub, world.Ministry.AgencyId)).Count;

        var refused = await Assert.ThrowsAsync<RpcException>(() => lab.ConfirmAsync(reported.IdentificationId));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Contains("cannot review its own identification", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(DomainState.Reported, (await IdentificationWorld.StoredAsync(hub, reported.IdentificationId))!.State);
        Assert.Equal("OPEN", (await IdentificationWorld.StoredCaseAsync(hub, world.CaseId)).Status);
        Assert.Equal(outboxBefore, (await IdentificationWorld.OutboxAsync(hub, world.Ministry.AgencyId)).Count);
    }

    [Fact]
    public async Task Report_CaseTheCallerCannotSee_NotFound_AsForAMissingCase()
    {
        var world = await IdentificationWorld.CreateAsync(hub);
        using var stranger = await IdentificationsApi.SignInAsync(hub.Client, world.Stranger);
        using var lab = await IdentificationsApi.SignInAsync(hub.Client, world.Laboratory);
        var reported = await lab.ReportAsync(world.CaseId);

        var hidden = await Assert.ThrowsAsync<RpcException>(() => stranger.ReportAsync(world.CaseId));
        var missing = await Assert.ThrowsAsync<RpcException>(() => stranger.ReportAsync("MP-2026-999999"));
        var get = await Assert.ThrowsAsync<RpcException>(() => stranger.GetAsync(reported.IdentificationId));

        Assert.Equal((StatusCode.NotFound, StatusCode.NotFound, StatusCode.NotFound), (hidden.StatusCode, missing.StatusCode, get.StatusCode));
        Assert.Equal(hidden.Status.Detail.Replace(world.CaseId, "X", StringComparison.Ordinal), missing.Status.Detail.Replace("MP-2026-999999", "X", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Report_SameRequestId_ReturnsFirst_DifferentPayload_AlreadyExists()
    {
        var world = await IdentificationWorld.CreateAsync(hub);
        using var lab = await IdentificationsApi.SignInAsync(hub.Client, world.Laboratory);
        var request = IdentificationsApi.NewReport(world.CaseId);

        var first = await lab.ReportAsync(request);
        var retry = await lab.ReportAsync(request);
        var changed = request.Clone();
        changed.SampleReference = "LAB-OTHER";
        var conflict = await Assert.ThrowsAsync<RpcException>(() => lab.ReportAsync(changed));

        Assert.Equal(first.IdentificationId, retry.IdentificationId);
        Assert.Equal(StatusCode.AlreadyExists, conflict.StatusCode);
        Assert.Single((await lab.ListAsync(world.CaseId)).Identifications);
    }

    [Theory]
    [InlineData("method", "method is required")]
    [InlineData("matched_person", "matched_person is required")]
    [InlineData("site", "site is required")]
    [InlineData("probability", "posterior_probability must lie between 0 and 1")]
    [InlineData("request_id", "request_id is required")]
    public async Task Report_Invalid_InvalidArgumentNamingTheField_NothingStored(string field, string message)
    {
        var world = await IdentificationWorld.CreateAsync(hub);
        using var lab = await IdentificationsApi.SignInAsync(hub.Client, world.Laboratory);
        var request = IdentificationsApi.NewReport(world.CaseId);
        switch (field)
        {
            case "method": request.Method = IdentificationMethod.Unspecified; break;
            case "matched_person": request.MatchedPerson = MatchedPerson.Unspecified; break;
            case "site": request.Site = " "; break;
            case "probability": request.Statistics.PosteriorProbability = 1.5; break;
            default: request.RequestId = string.Empty; break;
        }

        var refused = await Assert.ThrowsAsync<RpcException>(() => lab.ReportAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains(message, refused.Status.Detail, StringComparison.Ordinal);
        Assert.Empty((await lab.ListAsync(world.CaseId)).Identifications);
    }

    [Fact]
    public async Task RecordFamilyInformed_BeforeConfirmation_FailedPrecondition_ByOtherAgency_PermissionDenied()
    {
        var world = await IdentificationWorld.CreateAsync(hub);
        using var lab = await IdentificationsApi.SignInAsync(hub.Client, world.Laboratory);
        using var family = await IdentificationsApi.SignInAsync(hub.Client, world.Family);
        await hub.Trust.SetScopesAsync(world.Judicial.AgencyId, IdentificationWorld.AllScopes);
        await Task.Delay(TimeSpan.FromSeconds(1.2)); // past the grant cache
        using var judge = await IdentificationsApi.SignInAsync(hub.Client, world.Judicial);
        var reported = await lab.ReportAsync(world.CaseId);

        var early = await Assert.ThrowsAsync<RpcException>(() => family.RecordFamilyInformedAsync(reported.IdentificationId));
        await judge.ConfirmAsync(reported.IdentificationId);
        var notHolder = await Assert.ThrowsAsync<RpcException>(() => judge.RecordFamilyInformedAsync(reported.IdentificationId));

        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, notHolder.StatusCode);
        Assert.Contains("does not hold the family's contact", notHolder.Status.Detail, StringComparison.Ordinal);
        Assert.Empty((await IdentificationWorld.StoredAsync(hub, reported.IdentificationId))!.FamilyInformedByAgencyId);
    }

    [Fact]
    public async Task Get_ReaderWithoutGeneticCategory_ForensicDetailsWithheld_PartiesReadThemInFull()
    {
        var world = await IdentificationWorld.CreateAsync(hub);
        using var lab = await IdentificationsApi.SignInAsync(hub.Client, world.Laboratory);
        using var ministry = await IdentificationsApi.SignInAsync(hub.Client, world.Ministry);
        var reported = await lab.ReportAsync(world.CaseId);

        var ministryView = await ministry.GetAsync(reported.IdentificationId);
        var labView = await lab.GetAsync(reported.IdentificationId);

        Assert.Equal((string.Empty, string.Empty, (MatchStatistics?)null), (ministryView.Site, ministryView.SampleReference, ministryView.Statistics));
        Assert.Equal(IdentificationMethod.DnaKinship, ministryView.Method);
        Assert.Equal(("LAB-2026-0042-F", 23), (labView.SampleReference, labView.Statistics.PointsCompared));
    }
}
