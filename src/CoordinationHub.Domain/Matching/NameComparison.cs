namespace CoordinationHub.Domain.Matching;

/// <summary>How alike two persons' names are (0..1) and the reasons a reviewer reads.</summary>
public sealed record NameComparison(double Score, IReadOnlyList<string> Reasons)
{
    public static NameComparison None { get; } = new(0, ["no comparable name"]);
}
