namespace CoordinationHub.Domain.Matching;

/// <summary>
/// The search keys the Server stores with every report so that duplicate candidates are found by index
/// instead of by scoring the whole caseload. Candidates found by either key are then scored with
/// <see cref="DuplicateAssessor"/>.
/// </summary>
/// <param name="TokenKeys">
/// The distinct <see cref="PhoneticKey"/> of every name token of every variant, e.g. ["MHMD", "ABDL",
/// "TKRT"]. Script-independent: "محمد" and "Mehmet" both give "MHMD". For a text[] column with a GIN index,
/// queried by overlap (<c>token_keys &amp;&amp; @keys</c>): a candidate shares at least one whole name.
/// </param>
/// <param name="PhoneticName">
/// The token keys of all variants, distinct, space-joined in written order ("MHMD ABDL TKRT"). For a text
/// column with a pg_trgm GIN index, queried by <c>similarity()</c> or <c>%</c>: tolerant of a letter lost
/// or added in one token, which exact key overlap misses. Word order barely matters to trigrams.
/// </param>
/// <param name="NormalizedNames">
/// Each variant normalised in its own script ("محمد عبدالله", "mohamed abdalah"), for exact lookups and
/// for display in review queues.
/// </param>
public sealed record CandidateKeys(IReadOnlyList<string> TokenKeys, string PhoneticName, IReadOnlyList<string> NormalizedNames);
