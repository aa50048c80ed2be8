namespace CoordinationHub.Domain.Matching;

/// <summary>How alike two name tokens are (0..1) and on what grounds.</summary>
public readonly record struct TokenMatch(double Score, TokenMatchKind Kind);
