using System.Globalization;
using System.Net.Sockets;
using System.Security.Claims;
using CoordinationHub.Rpc.Server;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace CoordinationHub.Rpc.Internal;

/// <summary>
/// The state of one call on Kestrel: headers, deadline, cancellation and the single path by which
/// the status reaches the client. Writes and the deadline race for that path under one lock, so a
/// status is sent exactly once and never interleaved with a message.
/// </summary>
internal sealed partial class HttpServerCallContext : ServerCallContext, IDisposable
{
    private const int Running = 0;
    private const int Completed = 1;

    // The deadline won the race for the status; the request delegate must wait for it to be sent.
    private const int DeadlineCompleted = 2;

    // HTTP/2 error code CANCEL (RFC 9113 section 7): tells the client to stop sending after a deadline.
    private const int Http2CancelErrorCode = 8;

    private readonly HttpContext _http;
    private readonly RpcServerOptions _options;
    private readonly ILogger _logger;
    // Only a call with a deadline needs its own token source, timer and completion signal; without
    // one the call's token is the request's.
    private CancellationTokenSource? _callCancellation;
    private CancellationToken _cancellationToken;
    private ITimer? _deadlineTimer;
    private TaskCompletionSource? _deadlineHandled;
    private CallWriteLock _writeLock;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private Dictionary<object, object?>? _items;
    private PeerInfo? _peer;
    private string? _requestedCompression;
    private string? _effectiveCompression;
    private DateTime _deadline = DateTime.MaxValue;
    private int _state = Running;
    private bool _headersPrepared;
    private bool _bodyStarted;
    private bool _lastRequestCompressed;

    public HttpServerCallContext(HttpContext http, IMethod method, RpcServerOptions options, string? requestEncoding, ILogger logger)
    {
        _http = http;
        Method = method;
        _options = options;
        _logger = logger;
        RequestEncoding = requestEncoding;
        _requestedCompression = options.ResponseCompression;
        _cancellationToken = http.RequestAborted;
    }

    public override IMethod Method { get; }

    public override DateTime Deadline => _deadline;

    public override CancellationToken CancellationToken => _cancellationToken;

    public override Metadata RequestHeaders => _requestHeaders ??= new Metadata(this);

    public override Metadata ResponseTrailers => _responseTrailers ??= new Metadata();

    public override PeerInfo Peer => _peer ??= new PeerInfo(FormatPeer(_http.Connection), _http.Connection.ClientCertificate);

    public override string CallId => _http.TraceIdentifier;

    public override ClaimsPrincipal User => _http.User;

    public override IDictionary<object, object?> Items => _items ??= [];

    public override IServiceProvider Services => _http.RequestServices;

    public override string? ResponseCompression
    {
        get => _headersPrepared ? _effectiveCompression : _requestedCompression;
        set => _requestedCompression = value;
    }

    public override WriteOptions WriteOptions { get; set; } = WriteOptions.Default;

    public override bool LastRequestMessageCompressed => _lastRequestCompressed;

    /// <summary>The encoding of request messages, or null for identity.</summary>
    public string? RequestEncoding { get; }

    /// <summary>True once the deadline passed and DEADLINE_EXCEEDED was (or is being) sent.</summary>
    public bool DeadlineExceeded => Volatile.Read(ref _state) == DeadlineCompleted;

    public bool IsCompleted => Volatile.Read(ref _state) != Running;

    /// <summary>
    /// Completes when a deadline-driven status has been sent (at once when the deadline did not win).
    /// The request delegate awaits it: returning earlier would let Kestrel end the stream without a status.
    /// </summary>
    public Task DeadlineHandled => DeadlineExceeded ? _deadlineHandled!.Task : Task.CompletedTask;

    public HttpContext HttpContext => _http;

    public int MaxReceiveMessageSize => _options.MaxReceiveMessageSize;

    /// <summary>Arms the deadline from <c>grpc-timeout</c>; an invalid header is ignored, as the spec allows.</summary>
    public void StartDeadline(TimeProvider timeProvider)
    {
        if (!GrpcTimeout.TryParse(_http.Request.Headers[GrpcProtocol.TimeoutHeader], out var timeout))
        {
            return;
        }

        // System.Threading timers cannot wait longer than ~49.7 days; such a deadline is as good as none.
        var maxTimerDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1);
        if (timeout >= maxTimerDelay)
        {
            return;
        }

        _callCancellation = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken);
        _cancellationToken = _callCancellation.Token;
        _deadlineHandled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _deadline = timeProvider.GetUtcNow().UtcDateTime + timeout;
        _deadlineTimer = timeProvider.CreateTimer(static state => _ = ((HttpServerCallContext)state!).OnDeadlineAsync(), this, timeout, Timeout.InfiniteTimeSpan);
    }

    public override async Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        ArgumentNullException.ThrowIfNull(responseHeaders);
        await _writeLock.WaitAsync(CancellationToken).ConfigureAwait(false);
        try
        {
            EnsureRunning();
            if (_bodyStarted)
            {
                throw new InvalidOperationException("Response headers can be sent only once, before the first message.");
            }

            PrepareHeaders();
            foreach (var entry in responseHeaders)
            {
                _http.Response.Headers.Append(entry.Key, MetadataHeaders.ToHeaderValue(entry));
            }

            _bodyStarted = true;
            await _http.Response.BodyWriter.FlushAsync(CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Reads the next request message; null at the end of the request stream.</summary>
    public async ValueTask<TRequest?> ReadRequestAsync<TRequest>(MessageParser<TRequest> parser)
        where TRequest : class, IMessage<TRequest>
    {
        var (message, compressed) = await MessageFraming.ReadFrameAsync(
            _http.Request.BodyReader, parser, _options.MaxReceiveMessageSize, RequestEncoding, CancellationToken).ConfigureAwait(false);
        if (message is not null)
        {
            _lastRequestCompressed = compressed;
        }

        return message;
    }

    /// <summary>Frames and writes one response message; flushes unless the caller completes right after.</summary>
    public async Task WriteMessageAsync(IMessage message, bool flush, CancellationToken cancellationToken)
    {
        using var linked = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(CancellationToken, cancellationToken)
            : null;
        var token = linked?.Token ?? CancellationToken;
        await _writeLock.WaitAsync(token).ConfigureAwait(false);
        try
        {
            EnsureRunning();
            PrepareHeaders();
            var encoding = WriteOptions.NoCompress ? null : _effectiveCompression;
            MessageFraming.WriteMessage(_http.Response.BodyWriter, message, _options.MaxSendMessageSize, encoding);
            _bodyStarted = true;
            if (flush)
            {
                await _http.Response.BodyWriter.FlushAsync(token).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Sends <paramref name="status"/> with the response trailers, unless a status was already sent.</summary>
    public async Task CompleteAsync(RpcStatus status)
    {
        if (Interlocked.CompareExchange(ref _state, Completed, Running) != Running)
        {
            return;
        }

        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            WriteStatus(status);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException)
        {
            RpcServerLog.StatusNotSent(_logger, CallId, exception);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose()
    {
        _deadlineTimer?.Dispose();
        _callCancellation?.Dispose();
        _writeLock.Dispose();
    }

    private async Task OnDeadlineAsync()
    {
        if (Interlocked.CompareExchange(ref _state, DeadlineCompleted, Running) != Running)
        {
            return;
        }

        RpcServerLog.DeadlineExceeded(_logger, CallId, Method.FullName);
        try
        {
            // Cancel first so a handler blocked in a flush lets go of the write lock.
            await _callCancellation!.CancelAsync().ConfigureAwait(false);
            if (await _writeLock.WaitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false))
            {
                try
                {
                    WriteStatus(new RpcStatus(StatusCode.DeadlineExceeded, "Deadline Exceeded"));
                    await _http.Response.CompleteAsync().ConfigureAwait(false);
                }
                finally
                {
                    _writeLock.Release();
                }
            }

            _http.Features.Get<IHttpResetFeature>()?.Reset(Http2CancelErrorCode);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or ObjectDisposedException)
        {
            RpcServerLog.StatusNotSent(_logger, CallId, exception);
        }
        finally
        {
            _deadlineHandled!.TrySetResult();
        }
    }

    private void WriteStatus(RpcStatus status)
    {
        var response = _http.Response;
        if (!_bodyStarted && !response.HasStarted)
        {
            PrepareHeaders();
            TrailersOnlyResponse.Write(response, status, _responseTrailers);
            return;
        }

        response.AppendTrailer(GrpcProtocol.StatusHeader, ((int)status.Code).ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(status.Detail))
        {
            response.AppendTrailer(GrpcProtocol.MessageHeader, PercentEncoding.Encode(status.Detail));
        }

        if (_responseTrailers is null)
        {
            return;
        }

        foreach (var entry in _responseTrailers)
        {
            response.AppendTrailer(entry.Key, MetadataHeaders.ToHeaderValue(entry));
        }
    }

    private void PrepareHeaders()
    {
        if (_headersPrepared)
        {
            return;
        }

        _headersPrepared = true;
        var response = _http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.AcceptEncodingHeader] = MessageCompression.AcceptEncodingValue;
        // The client's accepted encodings matter only when a response is to be compressed, so the
        // header is not read on the common uncompressed path.
        var requested = _requestedCompression;
        if (requested is not null
            && MessageCompression.IsSupported(requested)
            && MessageCompression.Accepts(_http.Request.Headers[GrpcProtocol.AcceptEncodingHeader].ToString(), requested))
        {
            _effectiveCompression = requested;
            response.Headers[GrpcProtocol.EncodingHeader] = requested;
        }
    }

    private void EnsureRunning()
    {
        if (Volatile.Read(ref _state) != Running)
        {
            throw DeadlineExceeded
                ? new RpcException(StatusCode.DeadlineExceeded, "Deadline Exceeded")
                : new RpcException(StatusCode.Cancelled, "The call is already complete.");
        }
    }

    private static string FormatPeer(ConnectionInfo connection)
    {
        var address = connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? string.Create(CultureInfo.InvariantCulture, $"ipv6:[{address}]:{connection.RemotePort}")
            : string.Create(CultureInfo.InvariantCulture, $"ipv4:{address}:{connection.RemotePort}");
    }
}
