namespace CoordinationHub.Domain.Matching;

/// <summary>
/// One name of a full name (given name, father's name, family name ...), compounds counted as one.
/// </summary>
/// <param name="Original">The words as the agency wrote them, for reasons shown to reviewers.</param>
/// <param name="Spelling">Normalised in the original script: equal spellings are the same name.</param>
/// <param name="Key">The <see cref="PhoneticKey"/>, comparable across scripts; compounds join their parts' keys.</param>
/// <param name="Script">The script of the words the token came from.</param>
/// <param name="KnownName">The canonical name when the spelling is a known variant of a common name.</param>
public sealed record NameToken(string Original, string Spelling, string Key, NameScript Script, string? KnownName);
