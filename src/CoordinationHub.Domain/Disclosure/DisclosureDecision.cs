namespace CoordinationHub.Domain.Disclosure;

/// <summary>What a reader receives of a case: the categories disclosed, those withheld with a reason each, and the basis.</summary>
public sealed record DisclosureDecision(
    string Purpose,
    IReadOnlySet<string> Disclosed,
    IReadOnlyDictionary<string, string> Withheld,
    IReadOnlyList<string> Basis)
{
    public bool DisclosesAnything => Disclosed.Count > 0;
}
