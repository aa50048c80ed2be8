namespace CoordinationHub.Server.Security;

/// <summary>Log messages of call authentication. Event ids 3000-3099. The audit trail, not the log, is the record of denials.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Refused {Method} ({Code}) for certificate {Thumbprint}: {Reason}")]
    public static partial void CallRefused(ILogger logger, string method, CoordinationHub.Rpc.StatusCode code, string thumbprint, string reason);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Could not audit the refusal of {Method} (call {CallId}); the call is refused anyway.")]
    public static partial void RefusalNotAudited(ILogger logger, string method, string callId, Exception exception);
}
