namespace CoordinationHub.Domain.Identifications;

/// <summary>Why an identification step is refused, and the words to say it with.</summary>
public sealed record IdentificationRefusal(IdentificationRefusalKind Kind, string Problem);
