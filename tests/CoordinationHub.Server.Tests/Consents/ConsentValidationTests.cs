using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Rpc;
using CoordinationHub.Server.Persistence.Records;
using CoordinationHub.Testing.Hub;
using Google.Protobuf.WellKnownTypes;

namespace CoordinationHub.Server.Tests.Consents;

/// <summary>Bad input and conflicting records: each gets its precise status, is audited as denied, and stores nothing.</summary>
public sealed class ConsentValidationTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    private static int s_seed = 700;

    private readonly ConsentWorld world = new(hub);

    public static TheoryData<string> BadConsents() =>
    [
        "no giver", "family member without relation", "no purpose", "unknown purpose", "statistics purpose", "unknown category",
        "no category", "no recipient", "unknown agency kind", "malformed agency id", "no form reference", "expiry before start",
        "backdated an hour", "no request id", "malformed case id",
    ];

    [Theory]
    [MemberData(nameof(BadConsents))]
    public async Task RecordConsent_BadInput_InvalidArgumentAuditedNothingStored(string flaw)
    {
        var (collector, lab, caseId) = await SetUpAsync();
        using var ngo = await ConsentsApi.SignInAsync(hub, collector);
        var request = ConsentsApi.NewConsent(caseId, ConsentsApi.Scope(Purpose.Identification, [DataCategory.Genetic], agencies: [lab.AgencyId]));
        Spoil(request, flaw);

        var error = await Assert.ThrowsAsync<RpcException>(() => ngo.RecordAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(0, await world.CountGrantsAsync(caseId));
        Assert.Contains(await hub.Trust.AuditEntriesForAsync(collector.Certificate), e => e.Decision == AuditRecord.Denied && e.Reason.StartsWith("InvalidArgument", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecordConsent_CaseTheAgencyCannotSee_NotFoundNothingStored()
    {
        var (_, lab, caseId) = await SetUpAsync();
        using var stranger = await ConsentsApi.SignInAsync(hub, await world.FamilyAssociationAsync("stranger"));

        var error = await Assert.ThrowsAsync<RpcException>(() => stranger.RecordAsync(ConsentsApi.NewConsent(caseId, ConsentsApi.Scope(Purpose.Identification, [DataCategory.Genetic], agencies: [lab.AgencyId]))));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal(0, await world.CountGrantsAsync(caseId));
    }

    [Fact]
    public async Task RecordConsent_UnregisteredRecipient_NotFoundNothingStored()
    {
        var (collector, _, caseId) = await SetUpAsync();
        using var ngo = await ConsentsApi.SignInAsync(hub, collector);

        var error = await Assert.ThrowsAsync<RpcException>(() => ngo.RecordAsync(ConsentsApi.NewConsent(caseId, ConsentsApi.Scope(Purpose.Identification, [DataCategory.Genetic], agencies: ["no-such-lab"]))));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal(0, await world.CountGrantsAsync(caseId));
    }

    [Fact]
    public async Task RecordConsent_OverlappingOneInForce_FailedPreconditionUntilWithdrawn()
    {
        var (collector, lab, caseId) = await SetUpAsync();
        using var ngo = await ConsentsApi.SignInAsync(hub, collector);
        var first = await ngo.RecordAsync(ConsentsApi.NewConsent(caseId, ConsentsApi.Scope(Purpose.Identification, [DataCategory.Genetic, DataCategory.Antemortem], agencies: [lab.AgencyId])));
        var overlapping = ConsentsApi.NewConsent(caseId, ConsentsApi.Scope(Purpose.Identification, [DataCategory.Genetic], kinds: [AgencyKind.Health], agencies: [lab.AgencyId]));

        var error = await Assert.ThrowsAsync<RpcException>(() => ngo.RecordAsync(overlapping));
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains(first.ConsentId, error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(1, await world.CountGrantsAsync(caseId));

        // Another giver, or another category, does not overlap; after the withdrawal the same one is accepted.
        await ngo.RecordAsync(ConsentsApi.NewConsent(caseId, ConsentsApi.Scope(Purpose.Identification, [DataCategory.Genetic], agencies: [lab.AgencyId]), relation: "father"));
        await ngo.RecordAsync(ConsentsApi.NewConsent(caseId, ConsentsApi.Scope(Purpose.Identification, [DataCategory.Identity], agencies: [lab.AgencyId])));
        await ngo.WithdrawAsync(first.ConsentId);
        overlapping.RequestId = Guid.NewGuid().ToString("N");
        Assert.Equal(GrantState.InForce, (await ngo.RecordAsync(overlapping)).State);
    }

    [Fact]
    public async Task RecordConsent_SameRequestIdRetried_SameConsent_OtherPayloadAlreadyExists()
    {
        var (collector, lab, caseId) = await SetUpAsync();
        using var ngo = await ConsentsApi.SignInAsync(hub, collector);
        var request = ConsentsApi.NewConsent(caseId, ConsentsApi.Scope(Purpose.Identification, [DataCategory.Genetic], agencies: [lab.AgencyId]));

        var first = await ngo.RecordAsync(request);
        var retry = await ngo.RecordAsync(request);
        request.FormReference = "another form";
        var reused = await Assert.ThrowsAsync<RpcException>(() => ngo.RecordAsync(request));

        Assert.Equal(first.ConsentId, retry.ConsentId);
        Assert.Equal(StatusCode.AlreadyExists, reused.StatusCode);
        Assert.Equal(1, await world.CountGrantsAsync(caseId));
    }

    [Fact]
    public async Task WithdrawConsent_AlreadyWithdrawn_FailedPreconditionNothingChanged()
    {
        var (collector, lab, caseId) = await SetUpAsync();
        using var ngo = await ConsentsApi.SignInAsync(hub, collector);
        var consent = await ngo.RecordAsync(ConsentsApi.NewConsent(caseId, ConsentsApi.Scope(Purpose.Identification, [DataCategory.Genetic], agencies: [lab.AgencyId])));
        await ngo.WithdrawAsync(consent.ConsentId, "first withdrawal");
        var before = await world.StoredAsync(consent.ConsentId);

        var error = await Assert.ThrowsAsync<RpcException>(() => ngo.WithdrawAsync(consent.ConsentId, "second withdrawal"));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var after = await world.StoredAsync(consent.ConsentId);
        Assert.Equal((before.WithdrawnAt, before.WithdrawalReason, before.Version), (after.WithdrawnAt, after.WithdrawalReason, after.Version));
    }

    [Theory]
    [InlineData(Purpose.Unspecified)]
    [InlineData((Purpose)42)]
    public async Task GetCase_NoOrUnknownPurpose_InvalidArgumentAudited(Purpose purpose)
    {
        var (_, lab, caseId) = await SetUpAsync();
        using var labApi = await ConsentsApi.SignInAsync(hub, lab);

        var error = await Assert.ThrowsAsync<RpcException>(() => labApi.GetCaseAsync(caseId, purpose));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(await hub.Trust.AuditEntriesForAsync(lab.Certificate), e => e.Decision == AuditRecord.Denied && e.Method.EndsWith("/GetCase", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecordLegalAuthorisation_CourtOrderWithoutExpiry_InvalidArgument()
    {
        var (_, _, caseId) = await SetUpAsync();
        using var court = await ConsentsApi.SignInAsync(hub, await world.CourtAsync());
        var request = ConsentsApi.NewCourtOrder(caseId, ConsentsApi.Scope(Purpose.Identification, [DataCategory.Antemortem], kinds: [AgencyKind.Health]));
        request.ExpireTime = null;

        var error = await Assert.ThrowsAsync<RpcException>(() => court.RecordAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(0, await world.CountGrantsAsync(caseId));
    }

    private static void Spoil(RecordConsentRequest request, string flaw)
    {
        switch (flaw)
        {
            case "no giver": request.Giver = ConsentGiver.Unspecified; break;
            case "family member without relation": request.GiverRelation = " "; break;
            case "no purpose": request.Scope.Purposes.Clear(); break;
            case "unknown purpose": request.Scope.Purposes.Add((Purpose)42); break;
            case "statistics purpose": request.Scope.Purposes.Add(Purpose.Statistics); break;
            case "unknown category": request.Scope.DataCategories.Add((DataCategory)42); break;
            case "no category": request.Scope.DataCategories.Clear(); break;
            case "no recipient": request.Scope.RecipientAgencyIds.Clear(); break;
            case "unknown agency kind": request.Scope.RecipientAgencyKinds.Add((AgencyKind)42); break;
            case "malformed agency id": request.Scope.RecipientAgencyIds.Add("Not An Id!"); break;
            case "no form reference": request.FormReference = string.Empty; break;
            case "expiry before start":
                request.ValidTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(2));
                request.ExpireTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(1));
                break;
            case "backdated an hour": request.ValidTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(-1)); break;
            case "no request id": request.RequestId = string.Empty; break;
            case "malformed case id": request.CaseId = "case 1"; break;
            default: throw new ArgumentOutOfRangeException(nameof(flaw), flaw, "Not a flaw this test knows.");
        }
    }

    private async Task<(TestAgency Collector, TestAgency Lab, string CaseId)> SetUpAsync()
    {
        var collector = await world.FamilyAssociationAsync();
        var lab = await world.DnaLabAsync();
        var (caseId, _) = await world.ReportCaseAsync(collector, seed: Interlocked.Increment(ref s_seed));
        await world.ReferAsync(caseId, collector, lab, Purposes.Identification, DataCategories.Identity);
        return (collector, lab, caseId);
    }
}
