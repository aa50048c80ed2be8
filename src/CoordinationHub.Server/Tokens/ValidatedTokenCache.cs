using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace CoordinationHub.Server.Tokens;

/// <summary>
/// Remembers tokens that passed full validation, by their exact text, until they expire, so an
/// adapter that sends the same token on every call pays the ES256 verification (about two thirds
/// of the per-call authentication cost) once per token, not once per call. Safe because a token
/// is immutable: any change to its text is a miss and is validated from scratch. What the token
/// does not decide (certificate binding, the agency's status and claims) is still checked on
/// every call. Cleared whenever the key set changes, so a key withdrawn by an operator takes its
/// tokens with it.
/// </summary>
public sealed class ValidatedTokenCache(TimeProvider time)
{
    // Adapters hold one token at a time; the cap only bounds memory if a caller floods the hub with
    // distinct valid tokens.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string token, out TokenValidationResult result)
    {
        if (_entries.TryGetValue(token, out var entry))
        {
            if (time.GetUtcNow() < entry.ValidTo)
            {
                result = entry.Result;
                return true;
            }

            _entries.TryRemove(token, out _);
        }

        result = null!;
        return false;
    }

    public void Add(string token, TokenValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.IsValid || result.SecurityToken is null || result.SecurityToken.ValidTo == DateTime.MinValue)
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        // Cached until exp exactly (no clock skew): stricter than validation itself, never looser.
        _entries[token] = new Entry(new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero), result);
    }

    public void Clear() => _entries.Clear();

    private sealed record Entry(DateTimeOffset ValidTo, TokenValidationResult Result);
}
