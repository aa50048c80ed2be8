using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoordinationHub.Server.Tokens;

/// <summary>The JWT handler JwtBearer uses for the built-in issuer: full validation on first sight, then <see cref="ValidatedTokenCache"/>.</summary>
internal sealed class CachingJsonWebTokenHandler(ValidatedTokenCache cache) : JsonWebTokenHandler
{
    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (cache.TryGet(token, out var cached))
        {
            return cached;
        }

        var result = await base.ValidateTokenAsync(token, validationParameters).ConfigureAwait(false);
        cache.Add(token, result);
        return result;
    }
}
