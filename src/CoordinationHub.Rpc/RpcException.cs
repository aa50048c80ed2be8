namespace CoordinationHub.Rpc;

/// <summary>
/// A call that ended with a non-OK status. Thrown by service code to answer with that status, and
/// by the client when the server answered with one.
/// </summary>
public sealed class RpcException : Exception
{
    /// <summary>Creates an exception that carries <paramref name="status"/> and optional trailers.</summary>
    public RpcException(RpcStatus status, Metadata? trailers = null)
        : base(status.ToString())
    {
        Status = status;
        Trailers = trailers ?? new Metadata();
    }

    /// <summary>Creates an exception from a code and a detail message.</summary>
    public RpcException(StatusCode code, string detail, Metadata? trailers = null)
        : this(new RpcStatus(code, detail), trailers)
    {
    }

    /// <summary>Creates an exception that wraps the cause of a client-side failure.</summary>
    public RpcException(RpcStatus status, Exception innerException)
        : base(status.ToString(), innerException)
    {
        Status = status;
        Trailers = new Metadata();
    }

    /// <summary>The status of the call.</summary>
    public RpcStatus Status { get; }

    /// <summary>The status code of the call.</summary>
    public StatusCode StatusCode => Status.Code;

    /// <summary>Trailing metadata sent with (server) or received with (client) the status.</summary>
    public Metadata Trailers { get; }
}
