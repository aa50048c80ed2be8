namespace CoordinationHub.Server.Tokens;

/// <summary>Log messages of the token issuer. Event ids 3100-3199.</summary>
internal static partial class TokenLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Created token signing key {KeyId}; it signs until {RetiresAt:O}.")]
    public static partial void SigningKeyCreated(ILogger logger, string keyId, DateTimeOffset retiresAt);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Issued a token to agency {AgencyId} (certificate {Thumbprint}), key {KeyId}, expires {ExpiresAt:O}.")]
    public static partial void TokenIssued(ILogger logger, string agencyId, string thumbprint, string keyId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Refused a token request ({Error}): {Reason}")]
    public static partial void TokenRefused(ILogger logger, string error, string reason);
}
