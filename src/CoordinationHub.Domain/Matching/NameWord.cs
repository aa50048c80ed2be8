namespace CoordinationHub.Domain.Matching;

/// <summary>
/// One meaningful piece of a name before compounds are assembled.
/// <paramref name="Spelling"/> is normalised in the original script, <paramref name="Romanized"/> is the
/// ASCII form the phonetic key is computed from.
/// </summary>
internal sealed record NameWord(string Original, string Spelling, string Romanized, WordRole Role);
