namespace CoordinationHub.Server.Tokens;

/// <summary>RFC 6749 section 5.2 error codes the token endpoint answers with.</summary>
public static class OAuthErrors
{
    public const string InvalidRequest = "invalid_request";

    /// <summary>Client authentication failed (unknown, revoked or expired certificate; wrong <c>client_id</c>). HTTP 401.</summary>
    public const string InvalidClient = "invalid_client";

    public const string InvalidGrant = "invalid_grant";

    /// <summary>The client is known but may not get tokens (its agency is suspended or revoked).</summary>
    public const string UnauthorizedClient = "unauthorized_client";

    public const string UnsupportedGrantType = "unsupported_grant_type";

    public const string InvalidScope = "invalid_scope";
}
