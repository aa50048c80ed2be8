using System.Diagnostics.CodeAnalysis;
using CoordinationHub.Rpc.Client.Internal;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoordinationHub.Rpc.Client;

/// <summary>
/// A client connection to one gRPC server over HTTP/2: <c>https://</c> with TLS (ALPN h2), <c>http://</c>
/// with cleartext HTTP/2 (prior knowledge). Thread-safe; create one per server and reuse it.
/// </summary>
public sealed class RpcChannel : IDisposable
{
    private readonly HttpClient _httpClient;
    private volatile bool _disposed;

    private RpcChannel(Uri address, RpcChannelOptions options, HttpClient httpClient)
    {
        Address = address;
        _httpClient = httpClient;
        MaxReceiveMessageSize = options.MaxReceiveMessageSize;
        MaxSendMessageSize = options.MaxSendMessageSize;
        TimeProvider = options.TimeProvider;
        Logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("CoordinationHub.Rpc.Client.RpcChannel");
    }

    /// <summary>The server address, for example <c>https://hub.example:443</c>.</summary>
    public Uri Address { get; }

    internal HttpClient HttpClient => _httpClient;

    internal int MaxReceiveMessageSize { get; }

    internal int MaxSendMessageSize { get; }

    internal TimeProvider TimeProvider { get; }

    internal ILogger Logger { get; }

    /// <summary>Creates a channel to <paramref name="address"/>, which must be an absolute <c>http</c> or <c>https</c> URI.</summary>
    /// <exception cref="ArgumentException">The address or the options are not valid.</exception>
    public static RpcChannel ForAddress(Uri address, RpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        options ??= new RpcChannelOptions();
        ChannelOptionsValidation.Validate(address, options);
        var httpClient = options.HttpHandler is { } handler
            ? new HttpClient(handler, disposeHandler: false)
            : CreateHttpClient(address, options);
        // Streaming calls last as long as they need; the deadline is the per-call timeout.
        httpClient.Timeout = Timeout.InfiniteTimeSpan;
        return new RpcChannel(address, options, httpClient);
    }

    /// <summary>Starts a call with one request and one response.</summary>
    public AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = CreateCall(method, MethodType.Unary, options);
        call.StartWithRequest(request);
        return new AsyncUnaryCall<TResponse>(call, call.ReadSingleResponseAsync());
    }

    /// <summary>Starts a call with one request and a stream of responses.</summary>
    public AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = CreateCall(method, MethodType.ServerStreaming, options);
        call.StartWithRequest(request);
        return new AsyncServerStreamingCall<TResponse>(call);
    }

    /// <summary>Starts a call with a stream of requests and one response.</summary>
    public AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var call = CreateCall(method, MethodType.ClientStreaming, options);
        call.StartWithRequestStream();
        return new AsyncClientStreamingCall<TRequest, TResponse>(call, new ClientStreamWriter<TRequest, TResponse>(call), call.ReadSingleResponseAsync());
    }

    /// <summary>Starts a call with streams in both directions.</summary>
    public AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var call = CreateCall(method, MethodType.DuplexStreaming, options);
        call.StartWithRequestStream();
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(call, new ClientStreamWriter<TRequest, TResponse>(call));
    }

    /// <summary>Closes the connections. Calls still running fail; new calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        _disposed = true;
        _httpClient.Dispose();
    }

    [SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope", Justification = "The HttpClient owns the handler (disposeHandler: true).")]
    private static HttpClient CreateHttpClient(Uri address, RpcChannelOptions options) =>
        new(ClientHandlerFactory.Create(address, options), disposeHandler: true);

    private ClientCall<TRequest, TResponse> CreateCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, MethodType expectedType, CallOptions options)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(method);
        if (method.Type != expectedType)
        {
            throw new ArgumentException($"{method.FullName} is a {method.Type} method, not {expectedType}.", nameof(method));
        }

        return new ClientCall<TRequest, TResponse>(this, method, options);
    }
}
