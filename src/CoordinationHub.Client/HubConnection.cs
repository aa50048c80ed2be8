using CoordinationHub.Client.Internal;
using CoordinationHub.Client.Services;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using Google.Protobuf;

namespace CoordinationHub.Client;

/// <summary>
/// An agency's connection to the hub: one gRPC channel with the agency's client certificate, the
/// credentials every <c>coordination.v1</c> call needs (a certificate-bound access token in
/// <c>authorization</c>, renewed before it expires and once more when the hub refuses it; the acting
/// officer in <c>x-officer-id</c>), a default deadline for unary calls, and retries of UNAVAILABLE
/// where repeating is safe (reads, and writes that carry a <c>request_id</c>). The typed clients
/// (<see cref="Cases"/>, <see cref="Referrals"/>, ...) are the way in. Thread-safe; create one per
/// agency and hub, and reuse it.
/// </summary>
public sealed class HubConnection : IDisposable
{
    /// <summary>The metadata key of the acting officer.</summary>
    public const string OfficerHeader = "x-officer-id";

    private readonly HubConnectionSettings _settings;
    private readonly CallCredentials _credentials;
    private readonly HubCallInvoker _invoker;

    internal HubConnection(HubConnectionSettings settings)
    {
        _settings = settings;
        Channel = RpcChannel.ForAddress(settings.Address, new RpcChannelOptions { ClientCertificate = settings.Certificate, TrustedRoots = settings.TrustedRoots });
        Tokens = new HubTokenClient(settings.Address, settings.Certificate, settings.AgencyId, settings.TrustedRoots, settings.Time);
        _credentials = new CallCredentials(Tokens, settings.OfficerId);
        _invoker = new HubCallInvoker(Channel, _credentials, settings.DefaultDeadline, settings.Retries);
        Cases = new CasesClient(_invoker);
        Referrals = new ReferralsClient(_invoker);
        Consents = new ConsentsClient(_invoker);
        Identifications = new IdentificationsClient(_invoker);
        Notifications = new NotificationsClient(_invoker, settings.AgencyId);
        Audit = new AuditClient(_invoker);
        Agencies = new AgenciesClient(_invoker);
        HubInfo = new HubInfoClient(_invoker);
    }

    /// <summary>The hub's address.</summary>
    public Uri Address => _settings.Address;

    /// <summary>The agency this connection acts for.</summary>
    public string AgencyId => _settings.AgencyId;

    /// <summary>The officer named on every call, or null.</summary>
    public string? OfficerId => _settings.OfficerId;

    /// <summary>The deadline of a unary call that sets none, or null for none.</summary>
    public TimeSpan? DefaultDeadline => _settings.DefaultDeadline;

    /// <summary>How UNAVAILABLE is retried on calls that are safe to repeat.</summary>
    public HubRetryOptions Retries => _settings.Retries;

    /// <summary>
    /// The channel itself, for calls that need the certificate but no token (health, reflection);
    /// <see cref="WithCredentialsAsync"/> gives the options of a hand-made call.
    /// </summary>
    public RpcChannel Channel { get; }

    /// <summary>The token source; <see cref="HubTokenClient.Invalidate"/> forces a new token.</summary>
    public HubTokenClient Tokens { get; }

    /// <summary><c>coordination.v1.CasesService</c>.</summary>
    public CasesClient Cases { get; }

    /// <summary><c>coordination.v1.ReferralsService</c>.</summary>
    public ReferralsClient Referrals { get; }

    /// <summary><c>coordination.v1.ConsentsService</c>.</summary>
    public ConsentsClient Consents { get; }

    /// <summary><c>coordination.v1.IdentificationsService</c>.</summary>
    public IdentificationsClient Identifications { get; }

    /// <summary><c>coordination.v1.NotificationsService</c>, with the resuming subscription.</summary>
    public NotificationsClient Notifications { get; }

    /// <summary><c>coordination.v1.AuditService</c>.</summary>
    public AuditClient Audit { get; }

    /// <summary><c>coordination.v1.AgenciesService</c> (administrators).</summary>
    public AgenciesClient Agencies { get; }

    /// <summary><c>coordination.v1.HubInfoService</c>.</summary>
    public HubInfoClient HubInfo { get; }

    /// <summary>Starts building a connection to the hub at <paramref name="address"/> (https).</summary>
    public static HubConnectionBuilder ForAddress(Uri address) => new(address);

    /// <summary>
    /// <paramref name="options"/> with <c>authorization: Bearer …</c> and, when there is one, the
    /// officer added to its headers. The token request honours the call's cancellation token and
    /// deadline: a token that cannot be had in time fails as DEADLINE_EXCEEDED, as the call would.
    /// </summary>
    /// <exception cref="RpcException">No token could be had (see <see cref="HubTokenClient.GetTokenAsync"/>).</exception>
    public async Task<CallOptions> WithCredentialsAsync(CallOptions options = default) =>
        (await _credentials.AttachAsync(options).ConfigureAwait(false)).Options;

    /// <summary>
    /// A unary call of any method table with the agency's credentials, the default deadline when
    /// <paramref name="options"/> sets none, and the connection's retries: UNAVAILABLE when the call
    /// is safe to repeat, and UNAUTHENTICATED once with a fresh token.
    /// </summary>
    /// <exception cref="RpcException">The call or the token request failed with this status.</exception>
    public Task<TResponse> UnaryAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        _invoker.UnaryAsync(method, request, options);

    /// <summary>A server-streaming call of any method table with the agency's credentials; no default deadline.</summary>
    public IAsyncEnumerable<TResponse> ServerStreamingAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        _invoker.ServerStreamingAsync(method, request, options);

    /// <inheritdoc />
    public void Dispose()
    {
        Channel.Dispose();
        Tokens.Dispose();
        if (_settings.OwnsCertificate)
        {
            _settings.Certificate.Dispose();
        }
    }
}
