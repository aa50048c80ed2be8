namespace CoordinationHub.Rpc;

/// <summary>The four shapes of a gRPC call.</summary>
public enum MethodType
{
    /// <summary>One request, one response.</summary>
    Unary,
    /// <summary>A stream of requests, one response.</summary>
    ClientStreaming,
    /// <summary>One request, a stream of responses.</summary>
    ServerStreaming,
    /// <summary>Streams in both directions at once.</summary>
    DuplexStreaming,
}
