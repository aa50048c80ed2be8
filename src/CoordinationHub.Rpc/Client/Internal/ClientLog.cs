using Microsoft.Extensions.Logging;

namespace CoordinationHub.Rpc.Client.Internal;

/// <summary>Log events of client calls. Status details are logged at Debug only: they come from the server.</summary>
internal static partial class ClientLog
{
    [LoggerMessage(EventId = 1, EventName = "CallStarting", Level = LogLevel.Debug, Message = "Starting {MethodType} call to {Method}.")]
    public static partial void CallStarting(ILogger logger, MethodType methodType, string method);

    [LoggerMessage(EventId = 2, EventName = "CallCompleted", Level = LogLevel.Debug, Message = "Call to {Method} completed with status {StatusCode}: {Detail}")]
    public static partial void CallCompleted(ILogger logger, string method, StatusCode statusCode, string detail);

    [LoggerMessage(EventId = 3, EventName = "CallFailed", Level = LogLevel.Debug, Message = "Call to {Method} failed in the transport.")]
    public static partial void CallFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 4, EventName = "DeadlineExceeded", Level = LogLevel.Debug, Message = "Deadline of call to {Method} exceeded; cancelling it.")]
    public static partial void DeadlineExceeded(ILogger logger, string method);
}
