namespace CoordinationHub.Rpc.Client;

/// <summary>Per-call settings; <c>default</c> means no metadata, no deadline, no cancellation, no compression.</summary>
public readonly record struct CallOptions
{
    /// <summary>Request metadata; <c>-bin</c> entries are sent as base64.</summary>
    public Metadata? Headers { get; init; }

    /// <summary>
    /// When the call must be over, in UTC. Sent to the server as <c>grpc-timeout</c> and enforced
    /// locally: the call then fails with <see cref="StatusCode.DeadlineExceeded"/>, at once and without
    /// sending anything if the deadline has already passed. Null or <see cref="DateTime.MaxValue"/> means none.
    /// </summary>
    public DateTime? Deadline { get; init; }

    /// <summary>Cancels the call, which then fails with <see cref="StatusCode.Cancelled"/> and resets its stream.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>
    /// <c>gzip</c> or <c>deflate</c> to compress request messages (announced in <c>grpc-encoding</c>);
    /// null or <c>identity</c> to send them as they are.
    /// </summary>
    public string? RequestCompression { get; init; }

    /// <summary>
    /// Options of request messages; <see cref="Rpc.WriteOptions.NoCompress"/> sends them uncompressed
    /// (flag 0) even when <see cref="RequestCompression"/> is set.
    /// </summary>
    public WriteOptions? WriteOptions { get; init; }
}
