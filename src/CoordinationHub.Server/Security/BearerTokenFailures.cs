using System.Globalization;
using Microsoft.IdentityModel.Tokens;

namespace CoordinationHub.Server.Security;

/// <summary>
/// Turns a token validation failure into a message a caller can act on, without internals (no
/// key ids, no library text): missing, expired, not yet valid, bad signature, wrong issuer or
/// audience, malformed.
/// </summary>
public static class BearerTokenFailures
{
    public const string Missing = "a bearer token is required: send 'authorization: Bearer <token>' with a token from POST /connect/token";

    public static string Describe(Exception? failure) => failure switch
    {
        null => Missing,
        SecurityTokenExpiredException expired => string.Create(CultureInfo.InvariantCulture, $"the bearer token expired at {expired.Expires:yyyy-MM-dd'T'HH:mm:ss'Z'}"),
        SecurityTokenNotYetValidException => "the bearer token is not valid yet",
        SecurityTokenInvalidSignatureException => "the bearer token's signature does not verify with any key of the hub",
        SecurityTokenInvalidIssuerException => "the bearer token was issued by another issuer",
        SecurityTokenInvalidAudienceException => "the bearer token is meant for another audience",
        SecurityTokenInvalidTypeException => "the bearer token is not an access token",
        SecurityTokenMalformedException or ArgumentException => "the bearer token is malformed",
        _ => "the bearer token is not valid",
    };
}
