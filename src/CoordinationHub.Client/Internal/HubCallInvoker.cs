using System.Runtime.CompilerServices;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using Google.Protobuf;
using Polly;

namespace CoordinationHub.Client.Internal;

/// <summary>
/// The one path of every call the SDK makes: credentials attached, the default deadline applied to
/// unary calls, UNAVAILABLE retried where <see cref="RetrySafety"/> says it is safe, and a call the
/// hub refused as UNAUTHENTICATED (an expired or revoked token) repeated once with a fresh token:
/// the hub refuses before any handler runs, so that repetition is safe for every method.
/// </summary>
internal sealed class HubCallInvoker
{
    private readonly RpcChannel _channel;
    private readonly CallCredentials _credentials;
    private readonly TimeSpan? _defaultDeadline;
    private readonly ResiliencePipeline _pipeline;

    public HubCallInvoker(RpcChannel channel, CallCredentials credentials, TimeSpan? defaultDeadline, HubRetryOptions retries)
    {
        _channel = channel;
        _credentials = credentials;
        _defaultDeadline = defaultDeadline;
        _pipeline = UnaryRetryPipeline.Create(retries);
    }

    public Task<TResponse> UnaryAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        UnaryAsync(method, request, new CallOptions { CancellationToken = cancellationToken });

    /// <summary>A unary call; a call without a deadline gets the default one, which all its attempts share.</summary>
    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(request);
        if (options.Deadline is null && _defaultDeadline is { } timeout)
        {
            options = options with { Deadline = DateTime.UtcNow + timeout };
        }

        var attempt = new UnaryAttempt<TResponse>(
            withCredentials => _channel.UnaryAsync(method, request, withCredentials), _credentials, options, RetrySafety.IsSafeToRepeat(method, request));
        return await UnaryRetryPipeline.ExecuteAsync(_pipeline, attempt).ConfigureAwait(false);
    }

    public IAsyncEnumerable<TResponse> ServerStreamingAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        ServerStreamingAsync(method, request, default, cancellationToken);

    /// <summary>
    /// A server-streaming call, without a default deadline (a stream lasts as long as the adapter
    /// reads it). Not retried once a message has arrived: what to resume from is the caller's to
    /// say (see the notification subscription); refused as UNAUTHENTICATED before the first message,
    /// it is opened again once with a fresh token.
    /// </summary>
    public async IAsyncEnumerable<TResponse> ServerStreamingAsync<TRequest, TResponse>(
        Method<TRequest, TResponse> method, TRequest request, CallOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(request);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken, cancellationToken);
        options = options with { CancellationToken = linked.Token };
        for (var refreshed = false; ; refreshed = true)
        {
            var (withCredentials, token) = await _credentials.AttachAsync(options).ConfigureAwait(false);
            using var call = _channel.AsyncServerStreamingCall(method, request, withCredentials);
            await using var responses = call.ReadAllAsync(linked.Token).GetAsyncEnumerator(linked.Token);
            var received = false;
            while (true)
            {
                try
                {
                    if (!await responses.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (RpcException ex) when (ex.StatusCode == StatusCode.Unauthenticated && !received && !refreshed)
                {
                    _credentials.Tokens.Invalidate(token);
                    break;
                }

                received = true;
                yield return responses.Current;
            }
        }
    }
}
