using Google.Protobuf;

namespace CoordinationHub.Rpc.Client.Internal;

/// <summary>
/// One call over one HTTP/2 stream. The first status recorded wins, whoever records it: the
/// trailers, a transport failure, the deadline, the caller's cancellation or disposal. Whatever
/// fails afterwards (a read racing a reset, a write racing the end of the response) reports that
/// same status.
/// </summary>
internal sealed partial class ClientCall<TRequest, TResponse> : IClientCall<TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly RpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly string? _requestEncoding;
    private readonly DateTime? _deadline;
    private readonly CancellationTokenSource _callCts = new();
    private readonly CancellationToken _callToken;
    private readonly Lock _lock = new();
    private ITimer? _deadlineTimer;
    private CancellationTokenRegistration _cancellationRegistration;
    private RequestContent? _content;
    private HttpRequestMessage? _request;
    private HttpResponseMessage? _response;
    private Metadata? _responseHeaders;
    private Task<Metadata>? _responseHeadersTask;
    private Task<bool> _started = Task.FromResult(false);
    private RpcStatus? _status;
    private Metadata? _trailers;
    private Exception? _statusCause;
    private bool _disposed;

    public ClientCall(RpcChannel channel, Method<TRequest, TResponse> method, CallOptions options)
    {
        _channel = channel;
        _method = method;
        _options = options;
        _requestEncoding = ValidateEncoding(options.RequestCompression);
        _deadline = ValidateDeadline(options.Deadline);
        _callToken = _callCts.Token;
    }

    public Task<Metadata> ResponseHeadersAsync =>
        LazyInitializer.EnsureInitialized(ref _responseHeadersTask, GetResponseHeadersAsync);

    private bool IsCompleted
    {
        get
        {
            lock (_lock)
            {
                return _status is not null;
            }
        }
    }

    private DateTime UtcNow => _channel.TimeProvider.GetUtcNow().UtcDateTime;

    /// <summary>Starts a unary or server-streaming call: the one request is serialized before anything is sent.</summary>
    public void StartWithRequest(TRequest request)
    {
        ReadOnlyMemory<byte> frame;
        try
        {
            frame = Serialize(request, _options.WriteOptions);
        }
        catch (RpcException ex)
        {
            Complete(ex.Status, trailers: null, ex);
            return;
        }

        Start(RequestContent.ForMessage(frame));
    }

    /// <summary>Starts a client-streaming or duplex call; messages follow through <see cref="WriteMessageAsync"/>.</summary>
    public void StartWithRequestStream() => Start(RequestContent.ForStream());

    public RpcStatus GetStatus()
    {
        lock (_lock)
        {
            return _status ?? throw new InvalidOperationException("The call is still in progress; its status is not known yet.");
        }
    }

    public Metadata GetTrailers()
    {
        lock (_lock)
        {
            return _status is null
                ? throw new InvalidOperationException("The call is still in progress; its trailers have not arrived yet.")
                : _trailers!;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        Complete(ClientStatuses.Disposed, trailers: null, cause: null);
        _request?.Dispose();
        _callCts.Dispose();
    }

    private void Start(RequestContent content)
    {
        ClientLog.CallStarting(_channel.Logger, _method.Type, _method.FullName);
        TimeSpan? timeout = null;
        if (_deadline is { } deadline)
        {
            timeout = deadline - UtcNow;
            if (timeout <= TimeSpan.Zero)
            {
                content.Dispose();
                Complete(ClientStatuses.DeadlineExceeded, trailers: null, cause: null);
                return;
            }
        }

        if (_options.CancellationToken.IsCancellationRequested)
        {
            content.Dispose();
            Complete(ClientStatuses.CancelledByCaller, trailers: null, cause: null);
            return;
        }

        _content = content;
        _request = ClientRequestFactory.Create(_channel.Address, _method, _options.Headers, timeout, _requestEncoding, content);
        _cancellationRegistration = RegisterCancellation(_options.CancellationToken);
        if (timeout is { } delay)
        {
            StartDeadlineTimer(delay);
        }

        // Completion may have raced the set-up above; it could not release what did not exist yet.
        if (IsCompleted)
        {
            ReleaseCallResources();
            return;
        }

        _started = SendAsync(_request);
    }

    private async Task<bool> SendAsync(HttpRequestMessage request)
    {
        HttpResponseMessage response;
        try
        {
            response = await _channel.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _callToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Fail(ex);
            return false;
        }

        bool adopted;
        lock (_lock)
        {
            adopted = _status is null;
            if (adopted)
            {
                _response = response;
            }
        }

        if (!adopted)
        {
            response.Dispose();
            return false;
        }

        try
        {
            var expectsOneMessage = _method.Type is MethodType.Unary or MethodType.ClientStreaming;
            var status = ResponseHeaders.CheckStart(response, expectsOneMessage, out var trailersOnly);
            // The headers of a response that is not gRPC (a proxy's 503) are no call metadata.
            if (status is null || trailersOnly)
            {
                _responseHeaders = ResponseHeaders.ToMetadata(response.Headers);
            }

            if (status is { } endStatus)
            {
                // Trailers-only: the one HEADERS frame carried the trailers too.
                Complete(endStatus, trailersOnly ? _responseHeaders : null, cause: null);
                return false;
            }

            return true;
        }
        catch (Exception ex)
        {
            Fail(ex);
            return false;
        }
    }

    private async Task<Metadata> GetResponseHeadersAsync()
    {
        await _started.ConfigureAwait(false);
        return _responseHeaders ?? throw StatusException();
    }

    /// <summary>Records the status of a transport or protocol failure and ends the call.</summary>
    private void Fail(Exception exception)
    {
        if (IsCompleted)
        {
            return;
        }

        ClientLog.CallFailed(_channel.Logger, _method.FullName, exception);
        var status = ClientStatusMapping.FromException(exception);
        // A reset that arrives once the deadline has passed is the server giving up on the deadline.
        if (status.Code == StatusCode.Cancelled && _deadline is { } deadline && UtcNow >= deadline)
        {
            status = ClientStatuses.DeadlineExceeded;
        }

        Complete(status, trailers: null, exception);
    }

    /// <summary>
    /// Records the final status unless one is already there, then stops everything still running:
    /// the token stops a pending send or read, disposing an unfinished response resets the stream
    /// (RST_STREAM CANCEL) so the server sees the end, and aborting the body releases writers.
    /// </summary>
    private bool Complete(RpcStatus status, Metadata? trailers, Exception? cause)
    {
        lock (_lock)
        {
            if (_status is not null)
            {
                return false;
            }

            _status = status;
            _trailers = trailers ?? new Metadata();
            _statusCause = cause;
        }

        ClientLog.CallCompleted(_channel.Logger, _method.FullName, status.Code, status.Detail);
        ReleaseCallResources();
        return true;
    }

    private void ReleaseCallResources()
    {
        _deadlineTimer?.Dispose();
        _cancellationRegistration.Unregister();
        _callCts.Cancel();
        HttpResponseMessage? response;
        lock (_lock)
        {
            response = _response;
        }

        response?.Dispose();
        _content?.Abort();
    }

    private CancellationTokenRegistration RegisterCancellation(CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((ClientCall<TRequest, TResponse>)state!).Complete(ClientStatuses.CancelledByCaller, null, null), this)
            : default;

    /// <summary>The exception that reports the final status to the caller.</summary>
    private Exception StatusException()
    {
        lock (_lock)
        {
            var status = _status!.Value;
            if (status.Code == StatusCode.OK)
            {
                return new InvalidOperationException("The call has already completed with status OK.");
            }

            return _statusCause is null ? new RpcException(status, _trailers) : new RpcException(status, _statusCause);
        }
    }
}
