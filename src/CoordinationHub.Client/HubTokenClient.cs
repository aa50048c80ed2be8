using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Client.Internal;
using CoordinationHub.Rpc;

namespace CoordinationHub.Client;

/// <summary>
/// Access tokens for one agency from the hub's <c>POST /connect/token</c> (OAuth 2.0 client
/// credentials, RFC 8705 <c>tls_client_auth</c>): requested over HTTP/2 with the agency's client
/// certificate, which the token is then bound to. A token is reused until shortly before it
/// expires; concurrent callers then share one request. Thread-safe.
/// </summary>
public sealed class HubTokenClient : IDisposable
{
    /// <summary>The path of the hub's token endpoint.</summary>
    public const string TokenPath = "/connect/token";

    // A token is replaced this long before it expires (at most a fifth of its lifetime), so a call
    // never leaves with a token that lapses on the way or against a hub clock slightly ahead.
    private static readonly TimeSpan MaxRefreshMargin = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private CachedToken? _current;

    /// <summary>Creates a token client for <paramref name="agencyId"/>, authenticated by <paramref name="clientCertificate"/>.</summary>
    /// <param name="hub">The hub's address, for example <c>https://hub.example:7443</c>.</param>
    /// <param name="clientCertificate">The agency's certificate with its private key; not disposed by this client.</param>
    /// <param name="agencyId">The agency the certificate is registered to, sent as <c>client_id</c>.</param>
    /// <param name="trustedRoots">When set, the hub's certificate must chain to one of these; otherwise the system store decides.</param>
    /// <param name="time">The clock that decides when a token is renewed; the system clock when null.</param>
    public HubTokenClient(Uri hub, X509Certificate2 clientCertificate, string agencyId, X509Certificate2Collection? trustedRoots = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(clientCertificate);
        ArgumentException.ThrowIfNullOrEmpty(agencyId);
        AgencyId = agencyId;
        _endpoint = new Uri(hub, TokenPath);
        _time = time ?? TimeProvider.System;
#pragma warning disable CA2000 // The HttpClient owns the handler (disposeHandler: true) and is disposed in Dispose.
        _http = new HttpClient(MutualTlsHandler.Create(clientCertificate, trustedRoots), disposeHandler: true)
#pragma warning restore CA2000
        {
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            // The caller's cancellation (deadline) bounds each request instead.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>The agency the tokens are for (<c>client_id</c>).</summary>
    public string AgencyId { get; }

    /// <summary>A valid access token: the cached one, or a new one when it is about to expire.</summary>
    /// <exception cref="RpcException">
    /// The hub refused (UNAUTHENTICATED: certificate unknown, revoked or expired, or not this agency's;
    /// PERMISSION_DENIED: the agency is suspended or revoked), could not be reached (UNAVAILABLE), or
    /// <paramref name="cancellationToken"/> ended the request (CANCELLED).
    /// </exception>
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _current) is { } cached && cached.IsFresh(_time))
        {
            return cached.AccessToken;
        }

        try
        {
            await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex)
        {
            throw new RpcException(new RpcStatus(StatusCode.Cancelled, "token request cancelled."), ex);
        }

        try
        {
            // Another caller may have renewed it while this one waited.
            if (Volatile.Read(ref _current) is { } renewed && renewed.IsFresh(_time))
            {
                return renewed.AccessToken;
            }

            var token = await RequestAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, token);
            return token.AccessToken;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>
    /// Forgets <paramref name="accessToken"/> when it is the cached one, so that the next call
    /// fetches a new token: what an adapter does when a call with it came back UNAUTHENTICATED.
    /// </summary>
    public void Invalidate(string accessToken)
    {
        var cached = Volatile.Read(ref _current);
        if (cached is not null && cached.AccessToken == accessToken)
        {
            Interlocked.CompareExchange(ref _current, null, cached);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        _refresh.Dispose();
    }

    private async Task<CachedToken> RequestAsync(CancellationToken cancellationToken)
    {
        // Counted from before the request: the token cannot have been issued earlier than this.
        var requestedAt = _time.GetUtcNow();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = AgencyId,
        });
        try
        {
            using var response = await _http.PostAsync(_endpoint, form, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var (token, lifetime) = TokenEndpointAnswer.Read(response.StatusCode, body);
            var margin = TimeSpan.FromTicks(Math.Min(MaxRefreshMargin.Ticks, lifetime.Ticks / 5));
            return new CachedToken(token, requestedAt + lifetime - margin);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new RpcStatus(StatusCode.Cancelled, "token request cancelled."), ex);
        }
        catch (HttpRequestException ex)
        {
            // The inner exception (SocketException, AuthenticationException) says which: unreachable or TLS refused.
            var what = ex.InnerException is AuthenticationException ? "TLS handshake failed" : "cannot connect";
            throw new RpcException(new RpcStatus(StatusCode.Unavailable, $"token request to {_endpoint}: {what}: {ex.Message}"), ex);
        }
    }

    private sealed record CachedToken(string AccessToken, DateTimeOffset RenewAt)
    {
        public bool IsFresh(TimeProvider time) => time.GetUtcNow() < RenewAt;
    }
}
