using System.Net.Sockets;
using System.Security.Authentication;

namespace CoordinationHub.Rpc.Client.Internal;

/// <summary>Maps what the transport reports (HTTP status, HTTP/2 error codes, exceptions) to gRPC status codes.</summary>
internal static class ClientStatusMapping
{
    /// <summary>http-grpc-status-mapping.md, for responses without grpc-status.</summary>
    public static StatusCode FromHttpStatus(int httpStatus) => httpStatus switch
    {
        400 => StatusCode.Internal,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.Unimplemented,
        429 or 502 or 503 or 504 => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };

    /// <summary>PROTOCOL-HTTP2.md, for a stream reset by the peer.</summary>
    public static StatusCode FromHttp2ErrorCode(long errorCode) => errorCode switch
    {
        0x8 => StatusCode.Cancelled,
        0x7 => StatusCode.Unavailable,
        0xB => StatusCode.ResourceExhausted,
        0xC => StatusCode.PermissionDenied,
        _ => StatusCode.Internal,
    };

    public static RpcStatus FromException(Exception exception)
    {
        if (exception is RpcException rpc)
        {
            return rpc.Status;
        }

        // Before the IOException check: HttpProtocolException is an IOException, and carries the code the peer sent.
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpProtocolException protocol)
            {
                return new RpcStatus(FromHttp2ErrorCode(protocol.ErrorCode), protocol.Message);
            }
        }

        if (exception is OperationCanceledException)
        {
            return ClientStatuses.CancelledByCaller;
        }

        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException or IOException or AuthenticationException or HttpRequestException)
            {
                return new RpcStatus(StatusCode.Unavailable, $"Error talking to the server: {current.Message}");
            }
        }

        return new RpcStatus(StatusCode.Internal, $"Error in the call: {exception.GetType().Name}: {exception.Message}");
    }
}
