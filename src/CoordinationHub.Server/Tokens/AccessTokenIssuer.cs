using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Server.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.Options;

namespace CoordinationHub.Server.Tokens;

/// <summary>
/// Signs the hub's access tokens (RFC 9068 JWTs, ES256): who (agency), what it may call (scopes),
/// what it may see and why (categories, purposes), bound to the certificate it was requested over
/// (RFC 8705 <c>cnf.x5t#S256</c>).
/// </summary>
public sealed class AccessTokenIssuer(SigningKeyStore keys, IOptions<HubTokenOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public async Task<IssuedToken> IssueAsync(AgencyGrant grant, IReadOnlyCollection<string> scopes, X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var settings = options.Value;
        var key = await keys.GetSigningKeyAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var expiresAt = now + settings.TokenLifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            TokenType = TokenClaimNames.AccessTokenType,
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = new SigningCredentials(key.Signing, SigningKey.Algorithm),
            Claims = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                [JwtRegisteredClaimNames.Sub] = grant.AgencyId,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
                [TokenClaimNames.ClientId] = grant.AgencyId,
                [TokenClaimNames.AgencyId] = grant.AgencyId,
                [TokenClaimNames.Scope] = string.Join(' ', scopes),
                [TokenClaimNames.DataCategories] = grant.DataCategories.Order(StringComparer.Ordinal).ToList(),
                [TokenClaimNames.Purposes] = grant.Purposes.Order(StringComparer.Ordinal).ToList(),
                [TokenClaimNames.Confirmation] = new Dictionary<string, object>(StringComparer.Ordinal)
                {
                    [TokenClaimNames.CertificateThumbprintConfirmation] = CertificateBinding.ThumbprintOf(certificate),
                },
            },
        };
        return new IssuedToken(_handler.CreateToken(descriptor), key.KeyId, expiresAt, settings.TokenLifetime);
    }
}
