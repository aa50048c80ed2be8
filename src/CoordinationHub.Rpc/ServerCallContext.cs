using System.Security.Claims;

namespace CoordinationHub.Rpc;

/// <summary>
/// What a service method may know and do about its call, independent of the HTTP server: the
/// narrow seam that keeps services free of Kestrel types.
/// </summary>
public abstract class ServerCallContext
{
    // Built on first use, not in the constructor: every call would otherwise allocate an anonymous
    // principal, which the Kestrel context never uses because it overrides User.
    private ClaimsPrincipal? _anonymous;

    /// <summary>The called method.</summary>
    public abstract IMethod Method { get; }

    /// <summary>The deadline in UTC, or <see cref="DateTime.MaxValue"/> when the client set none.</summary>
    public abstract DateTime Deadline { get; }

    /// <summary>Cancelled when the client cancels, the deadline passes or the connection drops.</summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>Metadata the client sent (reserved and transport headers excluded).</summary>
    public abstract Metadata RequestHeaders { get; }

    /// <summary>Metadata to send as trailers with the status.</summary>
    public abstract Metadata ResponseTrailers { get; }

    /// <summary>The remote peer: address and client certificate.</summary>
    public abstract PeerInfo Peer { get; }

    /// <summary>
    /// The principal the host's authentication established for this call (anonymous when none did).
    /// Authorization interceptors read it; the transport itself never interprets it.
    /// </summary>
    public virtual ClaimsPrincipal User => _anonymous ??= new(new ClaimsIdentity());

    /// <summary>An id for this call that appears in server logs; safe to give to a caller.</summary>
    public abstract string CallId { get; }

    /// <summary>Per-call state shared between interceptors and the service method.</summary>
    public abstract IDictionary<object, object?> Items { get; }

    /// <summary>Services of the call's dependency-injection scope.</summary>
    public abstract IServiceProvider Services { get; }

    /// <summary>
    /// The encoding of response messages (for example <c>gzip</c>), or null for none. Only an encoding the
    /// client accepts takes effect; set it before the first response is written.
    /// </summary>
    public abstract string? ResponseCompression { get; set; }

    /// <summary>Options for the next response messages.</summary>
    public abstract WriteOptions WriteOptions { get; set; }

    /// <summary>
    /// Whether the most recently read request message arrived compressed (flag byte 1). Lets a service
    /// check what the client actually sent, as the gRPC interop compression cases require.
    /// </summary>
    public virtual bool LastRequestMessageCompressed => false;

    /// <summary>Sends response headers now; at most once, before the first message.</summary>
    public abstract Task WriteResponseHeadersAsync(Metadata responseHeaders);
}
