using CoordinationHub.Domain.Disclosure;
using CoordinationHub.Domain.Trust;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CoordinationHub.Domain.Tests.Disclosure;

/// <summary>
/// Properties over random claims, grants, purposes and times: whatever the combination, nothing
/// outside claims ∩ (grants in force) ∩ purpose is disclosed.
/// </summary>
public sealed class DisclosurePolicyPropertiesTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Agencies = ["police", "dna-lab", "ngo"];
    private static readonly string[] Kinds = ["INTERIOR", "FORENSIC_LABORATORY", "FAMILY_ASSOCIATION"];

    [Property(MaxTest = 2000)]
    public Property Decide_NeverDisclosesOutsideClaimsGrantsInForceAndPurpose() =>
        Prop.ForAll(Scenarios().ToArbitrary(), scenario =>
        {
            var decision = DisclosurePolicy.Decide(scenario);
            var inForce = scenario.Grants.Where(g => g.IsInForceAt(scenario.Now) && g.Names(scenario.AgencyId, scenario.AgencyKind) && g.Purposes.Contains(scenario.StatedPurpose)).ToList();
            var purposeAllowed = scenario.ClaimedPurposes.Contains(scenario.StatedPurpose) && scenario.StatedPurpose != Purposes.Statistics;
            return decision.Disclosed.All(category =>
                    purposeAllowed
                    && scenario.ClaimedCategories.Contains(category)
                    && inForce.Any(g => g.Categories.Contains(category))
                    && !(category == DataCategories.Genetic && scenario.StatedPurpose == Purposes.CriminalInvestigation))
                && decision.Disclosed.Count + decision.Withheld.Count == DataCategories.All.Count
                && decision.Basis.All(id => inForce.Any(g => g.Id == id));
        });

    [Property(MaxTest = 1000)]
    public Property Decide_WithEveryGrantWithdrawnOrExpired_DisclosesNothing() =>
        Prop.ForAll(Scenarios().ToArbitrary(), scenario =>
        {
            var lapsed = scenario with
            {
                Grants = [.. scenario.Grants.Select((g, i) => i % 2 == 0 ? g with { WithdrawnAt = scenario.Now } : g with { ValidUntil = scenario.Now.AddTicks(-1) })],
            };
            return DisclosurePolicy.Decide(lapsed).Disclosed.Count == 0;
        });

    [Property(MaxTest = 1000)]
    public Property Decide_StatisticsPurpose_DisclosesNothing() =>
        Prop.ForAll(Scenarios().ToArbitrary(), scenario =>
            DisclosurePolicy.Decide(scenario with { StatedPurpose = Purposes.Statistics }).Disclosed.Count == 0);

    [Property(MaxTest = 2000)]
    public Property Decide_DisclosesExactlyClaimsIntersectGrantsInForceForPurpose() =>
        Prop.ForAll(Scenarios().ToArbitrary(), scenario =>
        {
            // The oracle, written from the rule rather than from the implementation.
            var expected = new SortedSet<string>(StringComparer.Ordinal);
            if (scenario.ClaimedPurposes.Contains(scenario.StatedPurpose) && scenario.StatedPurpose != Purposes.Statistics)
            {
                foreach (var grant in scenario.Grants)
                {
                    var inForce = scenario.Now >= grant.ValidFrom && (grant.ValidUntil is null || scenario.Now < grant.ValidUntil) && (grant.WithdrawnAt is null || scenario.Now < grant.WithdrawnAt);
                    var names = grant.RecipientAgencies.Contains(scenario.AgencyId) || grant.RecipientKinds.Contains(scenario.AgencyKind);
                    if (inForce && names && grant.Purposes.Contains(scenario.StatedPurpose))
                    {
                        expected.UnionWith(grant.Categories.Where(scenario.ClaimedCategories.Contains));
                    }
                }

                if (scenario.StatedPurpose == Purposes.CriminalInvestigation)
                {
                    expected.Remove(DataCategories.Genetic);
                }
            }

            return expected.SetEquals(DisclosurePolicy.Decide(scenario).Disclosed);
        });

    [Property(MaxTest = 1000)]
    public Property Decide_WithdrawingAnyGrant_NeverWidensAndIsNoLongerABasis() =>
        Prop.ForAll(Scenarios().ToArbitrary(), Gen.Choose(0, 3).ToArbitrary(), (scenario, pick) =>
        {
            if (scenario.Grants.Count == 0)
            {
                return true;
            }

            var index = pick % scenario.Grants.Count;
            var withdrawn = scenario.Grants[index] with { WithdrawnAt = scenario.Now };
            var before = DisclosurePolicy.Decide(scenario);
            var after = DisclosurePolicy.Decide(scenario with { Grants = [.. scenario.Grants.Select((g, i) => i == index ? withdrawn : g)] });
            return after.Disclosed.IsSubsetOf(before.Disclosed)
                && (!after.Basis.Contains(withdrawn.Id) || scenario.Grants.Any(g => g.Id == withdrawn.Id && !ReferenceEquals(g, scenario.Grants[index])));
        });

    [Property(MaxTest = 500)]
    public Property Decide_StatisticsPurpose_EveryCategoryWithheldAsAggregatesOnlyAndNoBasis() =>
        Prop.ForAll(Scenarios().ToArbitrary(), scenario =>
        {
            var decision = DisclosurePolicy.Decide(scenario with { StatedPurpose = Purposes.Statistics });
            return decision.Basis.Count == 0
                && decision.Withheld.Count == DataCategories.All.Count
                && decision.Withheld.Values.All(reason => reason.Contains("aggregates only", StringComparison.Ordinal) || reason.Contains("no claim for purpose", StringComparison.Ordinal));
        });

    private static Gen<DisclosureRequest> Scenarios() =>
        from agency in Gen.Elements(Agencies)
        from kind in Gen.Elements(Kinds)
        from purpose in Gen.Elements(Purposes.All.ToArray())
        from claimedCategories in Subset(DataCategories.All)
        from claimedPurposes in Subset(Purposes.All)
        from grants in Grant().ListOf().Select(l => l.Take(4).ToList())
        from minutes in Gen.Choose(0, 600)
        select new DisclosureRequest
        {
            AgencyId = agency,
            AgencyKind = kind,
            StatedPurpose = purpose,
            ClaimedCategories = claimedCategories,
            ClaimedPurposes = claimedPurposes,
            Grants = grants,
            Now = Epoch.AddMinutes(minutes),
        };

    private static Gen<DisclosureGrant> Grant() =>
        from id in Gen.Choose(1, 99).Select(i => "grant-" + i)
        from isConsent in Gen.Elements(true, false)
        from purposes in Subset(Purposes.All)
        from categories in Subset(DataCategories.All)
        from agencies in Subset(Agencies)
        from kinds in Subset(Kinds)
        from start in Gen.Choose(0, 600)
        from length in Gen.Choose(-1, 600)
        from withdrawn in Gen.Choose(-1, 600)
        select new DisclosureGrant
        {
            Id = id,
            Kind = isConsent ? DisclosureGrantKind.Consent : DisclosureGrantKind.LegalAuthorisation,
            Purposes = purposes,
            Categories = categories,
            RecipientAgencies = agencies,
            RecipientKinds = kinds,
            ValidFrom = Epoch.AddMinutes(start),
            ValidUntil = length < 0 ? null : Epoch.AddMinutes(start + length),
            WithdrawnAt = withdrawn < 0 ? null : Epoch.AddMinutes(withdrawn),
        };

    private static Gen<IReadOnlySet<string>> Subset(IReadOnlyList<string> all) =>
        Gen.ListOf(Gen.Elements(true, false), all.Count)
            .Select(mask => (IReadOnlySet<string>)all.Where((_, i) => mask[i]).ToHashSet(StringComparer.Ordinal));
}
