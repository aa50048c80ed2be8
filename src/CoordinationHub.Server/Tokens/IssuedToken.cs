namespace CoordinationHub.Server.Tokens;

/// <summary>A signed access token and what the token response says about it.</summary>
public sealed record IssuedToken(string AccessToken, string KeyId, DateTimeOffset ExpiresAt, TimeSpan Lifetime);
