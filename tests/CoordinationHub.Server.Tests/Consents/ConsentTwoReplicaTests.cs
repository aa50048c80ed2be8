using CoordinationHub.Contracts.V1;
using CoordinationHub.Domain.Trust;
using CoordinationHub.Testing.Hub;

namespace CoordinationHub.Server.Tests.Consents;

/// <summary>
/// Two hub processes on one database: a consent withdrawn through one replica no longer discloses
/// on the very next read through the other (grants are read on every call, never cached).
/// </summary>
public sealed class ConsentTwoReplicaTests(HubTestHost hub) : IClassFixture<HubTestHost>
{
    [Fact]
    public async Task WithdrawConsentOnReplica1_NextReadOnReplica2_IsCut()
    {
        var world = new ConsentWorld(hub);
        await using var replica1 = await HubProcess.StartAsync(hub.ReplicaEnvironment());
        await using var replica2 = await HubProcess.StartAsync(hub.ReplicaEnvironment());
        var collector = await world.FamilyAssociationAsync();
        var lab = await world.DnaLabAsync();
        var (caseId, _) = await world.ReportCaseAsync(collector, seed: 951);
        await world.ReferAsync(caseId, collector, lab, Purposes.Identification, DataCategories.Identity);
        using var ngo = await SignInAsync(new HubClient(replica1.Address, hub.Pki.Root), collector);
        using var labApi = await SignInAsync(new HubClient(replica2.Address, hub.Pki.Root), lab);
        var consent = await ngo.RecordAsync(ConsentsApi.NewConsent(caseId, ConsentsApi.Scope(Purpose.Identification, [DataCategory.Genetic], kinds: [AgencyKind.ForensicLaboratory])));
        Assert.NotNull((await labApi.GetCaseAsync(caseId, Purpose.Identification)).Sections.Genetic);

        await ngo.WithdrawAsync(consent.ConsentId);
        var next = await labApi.GetCaseAsync(caseId, Purpose.Identification);

        Assert.Null(next.Sections.Genetic);
        Assert.DoesNotContain(DataCategory.Genetic, next.Disclosure.Disclosed);
        Assert.Contains(next.Disclosure.Withheld, w => w.Category == DataCategory.Genetic && w.Reason.Contains("withdrawn", StringComparison.Ordinal));
    }

    private static async Task<ConsentsApi> SignInAsync(HubClient client, TestAgency agency) =>
        new(agency.AgencyId, client.OpenChannel(agency.Certificate), await client.GetTokenAsync(agency.Certificate, agency.AgencyId));
}
