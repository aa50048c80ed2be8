namespace CoordinationHub.Server.Audit;

/// <summary>Log messages of the audit chain's checkpoints. Event ids 3300-3399.</summary>
internal static partial class AuditLog
{
    [LoggerMessage(EventId = 3300, Level = LogLevel.Information, Message = "Signed {Count} audit checkpoint(s) with key {KeyId}.")]
    public static partial void CheckpointsSigned(ILogger logger, int count, string keyId);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Error, Message = "Could not write audit checkpoints; retrying at the next poll.")]
    public static partial void CheckpointFailed(ILogger logger, Exception exception);
}
