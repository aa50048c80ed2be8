using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CoordinationHub.Rpc.Internal;

/// <summary>Log events of the server call path. Never logs message contents: they may hold personal data.</summary>
internal static partial class RpcServerLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Call {CallId} to {Method} failed with an unhandled exception; answered INTERNAL")]
    public static partial void UnhandledException(ILogger logger, string callId, string method, Exception exception);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Call {CallId} to {Method} exceeded its deadline")]
    public static partial void DeadlineExceeded(ILogger logger, string callId, string method);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Call {CallId} to {Method} was cancelled by the client")]
    public static partial void CancelledByClient(ILogger logger, string callId, string method);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Call {CallId} to {Method} ended with {StatusCode}: {Detail}")]
    public static partial void CallFailed(ILogger logger, string callId, string method, StatusCode statusCode, string detail);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "Rejected request to {Path}: {Reason}")]
    public static partial void RequestRejected(ILogger logger, PathString path, string reason);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Debug, Message = "Could not send the status of call {CallId}: the stream is gone")]
    public static partial void StatusNotSent(ILogger logger, string callId, Exception exception);
}
