using CoordinationHub.Domain.Matching;
using CoordinationHub.Domain.Synthetic;

namespace CoordinationHub.Server.Tests.Cases;

/// <summary>Generated persons (Domain's deterministic generator) picked for the Cases tests; <see cref="SyntheticReports"/> turns them into sections.</summary>
internal static class SyntheticCases
{
    /// <summary>
    /// A person first reported in Arabic script only, and a re-report of them in Latin script only
    /// that the assessor rates a likely duplicate: the cross-script case the hub exists for.
    /// </summary>
    public static (PersonDescription Arabic, PersonDescription Latin) ArabicThenLatin(int seed)
    {
        var generator = new SyntheticPersonGenerator(seed);
        while (true)
        {
            var person = generator.NextPerson();
            if (person.Report.Names is not [{ Script: Domain.Matching.NameScript.Arabic }])
            {
                continue;
            }

            for (var attempt = 0; attempt < 5; attempt++)
            {
                var again = generator.ReReport(person);
                if (again.Names is [{ Script: Domain.Matching.NameScript.Latin }] && DuplicateAssessor.Assess(person.Report, again).IsLikelyDuplicate)
                {
                    return (person.Report, again);
                }
            }
        }
    }

    /// <summary>Some person, as a first report.</summary>
    public static PersonDescription Person(int seed) => new SyntheticPersonGenerator(seed).NextPerson().Report;
}
