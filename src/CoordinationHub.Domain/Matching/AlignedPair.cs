namespace CoordinationHub.Domain.Matching;

/// <summary>Token <paramref name="IndexA"/> of one name aligned with token <paramref name="IndexB"/> of the other.</summary>
internal sealed record AlignedPair(int IndexA, int IndexB, TokenMatch Match);
