using CoordinationHub.Domain.Disclosure;
using CoordinationHub.Domain.Trust;

namespace CoordinationHub.Domain.Tests.Disclosure;

/// <summary>The disclosure policy on hand-picked situations; the exhaustive properties are in <see cref="DisclosurePolicyPropertiesTests"/>.</summary>
public sealed class DisclosurePolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decide_ConsentForIdentificationToTheLab_DisclosesGeneticAndAntemortemOnly()
    {
        var decision = DisclosurePolicy.Decide(Request("dna-lab", "FORENSIC_LABORATORY", Purposes.Identification,
            claimed: [DataCategories.Identity, DataCategories.Genetic, DataCategories.Antemortem],
            grants: [Consent("consent-1", [Purposes.Identification], [DataCategories.Genetic, DataCategories.Antemortem], agencies: ["dna-lab"])]));

        Assert.Equal([DataCategories.Antemortem, DataCategories.Genetic], decision.Disclosed);
        Assert.Equal(["consent-1"], decision.Basis);
        Assert.Contains("no consent or legal authorisation discloses identity", decision.Withheld[DataCategories.Identity], StringComparison.Ordinal);
        Assert.Contains("no claim on contact", decision.Withheld[DataCategories.Contact], StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ConsentNamesRecipientKind_CoversEveryAgencyOfThatKind()
    {
        var decision = DisclosurePolicy.Decide(Request("forensic-med", "HEALTH", Purposes.Identification,
            claimed: [DataCategories.Antemortem],
            grants: [Consent("c", [Purposes.Identification], [DataCategories.Antemortem], kinds: ["HEALTH"])]));

        Assert.Equal([DataCategories.Antemortem], decision.Disclosed);
    }

    [Fact]
    public void Decide_WithdrawnConsent_DisclosesNothingAndSaysWithdrawn()
    {
        var decision = DisclosurePolicy.Decide(Request("dna-lab", "FORENSIC_LABORATORY", Purposes.Identification,
            claimed: [DataCategories.Genetic],
            grants: [Consent("c", [Purposes.Identification], [DataCategories.Genetic], agencies: ["dna-lab"]) with { WithdrawnAt = Now.AddSeconds(-1) }]));

        Assert.Empty(decision.Disclosed);
        Assert.Contains("withdrawn", decision.Withheld[DataCategories.Genetic], StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ExpiredAuthorisation_DisclosesNothingAndSaysExpired()
    {
        var decision = DisclosurePolicy.Decide(Request("police", "INTERIOR", Purposes.CriminalInvestigation,
            claimed: [DataCategories.Investigation],
            grants: [Authorisation("court-17", [Purposes.CriminalInvestigation], [DataCategories.Investigation], "police") with { ValidUntil = Now }]));

        Assert.Empty(decision.Disclosed);
        Assert.Contains("expired", decision.Withheld[DataCategories.Investigation], StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_GeneticForCriminalInvestigation_NeverDisclosedEvenWithCourtOrder()
    {
        var decision = DisclosurePolicy.Decide(Request("police", "INTERIOR", Purposes.CriminalInvestigation,
            claimed: [DataCategories.Genetic, DataCategories.Investigation],
            grants: [Authorisation("court-17", [Purposes.CriminalInvestigation], [DataCategories.Genetic, DataCategories.Investigation], "police")]));

        Assert.Equal([DataCategories.Investigation], decision.Disclosed);
        Assert.Contains("identification only", decision.Withheld[DataCategories.Genetic], StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ConsentForIdentification_DoesNotCoverCriminalInvestigation()
    {
        var decision = DisclosurePolicy.Decide(Request("police", "INTERIOR", Purposes.CriminalInvestigation,
            claimed: [DataCategories.Identity],
            grants: [Consent("c", [Purposes.Identification], [DataCategories.Identity], agencies: ["police"])]));

        Assert.Empty(decision.Disclosed);
    }

    [Fact]
    public void Decide_StatisticsPurpose_DisclosesNoSection()
    {
        var decision = DisclosurePolicy.Decide(Request("ministry", "INTERIOR", Purposes.Statistics,
            claimed: DataCategories.All,
            grants: [Consent("c", Purposes.All, DataCategories.All, agencies: ["ministry"])]));

        Assert.Empty(decision.Disclosed);
        Assert.All(decision.Withheld.Values, reason => Assert.Contains("aggregates only", reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_PurposeNotClaimed_DisclosesNothing()
    {
        var decision = DisclosurePolicy.Decide(Request("ngo", "FAMILY_ASSOCIATION", Purposes.Identification,
            claimedPurposes: [Purposes.Search], claimed: DataCategories.All,
            grants: [Consent("c", Purposes.All, DataCategories.All, agencies: ["ngo"])]));

        Assert.Empty(decision.Disclosed);
        Assert.Equal(DataCategories.All.Count, decision.Withheld.Count);
    }

    [Fact]
    public void Decide_ConsentNotYetInForce_Withheld()
    {
        var decision = DisclosurePolicy.Decide(Request("dna-lab", "FORENSIC_LABORATORY", Purposes.Identification,
            claimed: [DataCategories.Genetic],
            grants: [Consent("c", [Purposes.Identification], [DataCategories.Genetic], agencies: ["dna-lab"]) with { ValidFrom = Now.AddDays(1) }]));

        Assert.Empty(decision.Disclosed);
        Assert.Contains("not yet in force", decision.Withheld[DataCategories.Genetic], StringComparison.Ordinal);
    }

    internal static DisclosureRequest Request(
        string agency, string kind, string purpose, IReadOnlyList<string> claimed, IReadOnlyList<DisclosureGrant> grants, IReadOnlyList<string>? claimedPurposes = null) => new()
    {
        AgencyId = agency,
        AgencyKind = kind,
        StatedPurpose = purpose,
        ClaimedCategories = claimed.ToHashSet(),
        ClaimedPurposes = (claimedPurposes ?? Purposes.All).ToHashSet(),
        Grants = grants,
        Now = Now,
    };

    private static DisclosureGrant Consent(string id, IReadOnlyList<string> purposes, IReadOnlyList<string> categories, string[]? agencies = null, string[]? kinds = null) => new()
    {
        Id = id,
        Kind = DisclosureGrantKind.Consent,
        Purposes = purposes.ToHashSet(),
        Categories = categories.ToHashSet(),
        RecipientAgencies = (agencies ?? []).ToHashSet(),
        RecipientKinds = (kinds ?? []).ToHashSet(),
        ValidFrom = Now.AddYears(-1),
    };

    private static DisclosureGrant Authorisation(string id, IReadOnlyList<string> purposes, IReadOnlyList<string> categories, string agency) =>
        Consent(id, purposes, categories, agencies: [agency]) with { Kind = DisclosureGrantKind.LegalAuthorisation };
}
