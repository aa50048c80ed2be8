using CoordinationHub.Domain.Matching;

namespace CoordinationHub.Domain.Tests.Matching;

/// <summary>Assesses two reports that carry nothing but a name, as the hardest case for the matcher.</summary>
internal static class NamesOnly
{
    public static DuplicateAssessment Assess(string a, string b) =>
        DuplicateAssessor.Assess(Person(a), Person(b));

    public static PersonDescription Person(string name) => new() { Names = [new NameVariant(name)] };

    public static string Explain(DuplicateAssessment assessment) =>
        $"score {assessment.Score:0.00}, name {assessment.NameScore:0.00}: {string.Join("; ", assessment.Reasons)}";
}
