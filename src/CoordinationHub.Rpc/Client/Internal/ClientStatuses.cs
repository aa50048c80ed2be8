namespace CoordinationHub.Rpc.Client.Internal;

/// <summary>The statuses the client itself gives a call.</summary>
internal static class ClientStatuses
{
    public static readonly RpcStatus DeadlineExceeded = new(StatusCode.DeadlineExceeded, "Deadline exceeded.");

    public static readonly RpcStatus CancelledByCaller = new(StatusCode.Cancelled, "The call was cancelled by the caller.");

    public static readonly RpcStatus Disposed = new(StatusCode.Cancelled, "The call was disposed before it completed.");

    public static readonly RpcStatus NoMessage = new(StatusCode.Internal, "The server ended the call with OK but sent no response message.");

    public static readonly RpcStatus TooManyMessages = new(StatusCode.Internal, "The server sent more than one response message on a call that has one response.");

    public static readonly RpcStatus NoStatus = new(StatusCode.Unknown, "The response ended without a grpc-status trailer.");
}
