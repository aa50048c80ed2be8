using CoordinationHub.Server.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoordinationHub.Server.Tokens;

/// <summary>
/// Points ASP.NET Core's JwtBearer at the hub's own keys (or at an external authority). JwtBearer
/// validates signature, issuer, audience, type and lifetime; the certificate binding and the
/// agency's current grant are checked by <see cref="AgencyAuthenticationInterceptor"/>.
/// </summary>
internal sealed class JwtBearerOptionsSetup(IOptions<HubTokenOptions> tokenOptions, SigningKeyStore keys, ValidatedTokenCache validatedTokens)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        var settings = tokenOptions.Value;
        // Claim names stay as issued (client_id, scope, cnf), not remapped to WS-Federation URIs.
        options.MapInboundClaims = false;
        options.SaveToken = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateAudience = true,
            ValidAudience = settings.Audience,
            ValidateIssuer = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = settings.ClockSkew,
            NameClaimType = TokenClaimNames.ClientId,
        };

        if (!settings.UsesBuiltInIssuer)
        {
            // An external OIDC authority: JwtBearer fetches its discovery document and JWKS.
            options.Authority = settings.Authority;
            options.Audience = settings.Audience;
            return;
        }

        options.TokenValidationParameters.ValidIssuer = settings.Issuer;
        options.TokenValidationParameters.ValidAlgorithms = [SigningKey.Algorithm];
        options.TokenValidationParameters.ValidTypes = [TokenClaimNames.AccessTokenType];
        options.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, keyId, _) => ResolveKeys(keyId);
        options.Events = new JwtBearerEvents { OnMessageReceived = LoadUnknownKeyAsync };
        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(new CachingJsonWebTokenHandler(validatedTokens));
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    private IEnumerable<SecurityKey> ResolveKeys(string? keyId)
    {
        if (keyId is null)
        {
            return keys.VerificationKeys.Select(k => k.Verification);
        }

        return keys.FindVerificationKey(keyId) is { } key ? [key.Verification] : [];
    }

    /// <summary>
    /// Before validation: a key id this replica has not seen may come from a rotation on another
    /// replica, so the key table is reloaded first (spaced out, see <see cref="SigningKeyStore"/>).
    /// </summary>
    private async Task LoadUnknownKeyAsync(MessageReceivedContext context)
    {
        string authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var token = authorization["Bearer ".Length..].Trim();
        context.Token = token;
        if (validatedTokens.TryGet(token, out _))
        {
            return; // validated before, so its key is known
        }

        string? keyId;
        try
        {
            keyId = new JsonWebToken(token).Kid;
        }
        catch (ArgumentException)
        {
            return; // malformed: validation reports it
        }

        await keys.EnsureKnownAsync(keyId, context.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
