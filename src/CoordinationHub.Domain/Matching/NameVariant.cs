namespace CoordinationHub.Domain.Matching;

/// <summary>One rendering of a person's full name as an agency reported it, e.g. "محمد عبد الله" or "Mohamed Abdallah".</summary>
public sealed record NameVariant(string Text, NameScript Script = NameScript.Unknown);
