using System.Security.Cryptography.X509Certificates;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;
using Google.Protobuf;

namespace CoordinationHub.Client;

/// <summary>
/// An agency's connection to the hub: one gRPC channel with the agency's client certificate, and
/// the credentials every <c>coordination.v1</c> call needs (a certificate-bound access token in
/// <c>authorization</c>, the acting officer in <c>x-officer-id</c>). Thread-safe; create one per
/// agency and hub, and reuse it.
/// </summary>
public sealed class HubConnection : IDisposable
{
    /// <summary>The metadata key of the acting officer.</summary>
    public const string OfficerHeader = "x-officer-id";

    internal HubConnection(Uri address, X509Certificate2 certificate, X509Certificate2Collection? trustedRoots, string agencyId, string? officerId, TimeProvider time)
    {
        Address = address;
        OfficerId = officerId;
        Channel = RpcChannel.ForAddress(address, new RpcChannelOptions { ClientCertificate = certificate, TrustedRoots = trustedRoots });
        Tokens = new HubTokenClient(address, certificate, agencyId, trustedRoots, time);
    }

    /// <summary>The hub's address.</summary>
    public Uri Address { get; }

    /// <summary>The agency this connection acts for.</summary>
    public string AgencyId => Tokens.AgencyId;

    /// <summary>The officer named on every call, or null.</summary>
    public string? OfficerId { get; }

    /// <summary>
    /// The channel itself, for calls that need the certificate but no token (health, reflection)
    /// and for streaming calls, with <see cref="WithCredentialsAsync"/> for their options.
    /// </summary>
    public RpcChannel Channel { get; }

    /// <summary>The token source; <see cref="HubTokenClient.Invalidate"/> forces a new token.</summary>
    public HubTokenClient Tokens { get; }

    /// <summary>Starts building a connection to the hub at <paramref name="address"/> (https).</summary>
    public static HubConnectionBuilder ForAddress(Uri address) => new(address);

    /// <summary>
    /// <paramref name="options"/> with <c>authorization: Bearer …</c> and, when there is one, the
    /// officer added to its headers. The token request honours the call's cancellation token and
    /// deadline: a token that cannot be had in time fails as DEADLINE_EXCEEDED, as the call would.
    /// </summary>
    /// <exception cref="RpcException">No token could be had (see <see cref="HubTokenClient.GetTokenAsync"/>).</exception>
    public async Task<CallOptions> WithCredentialsAsync(CallOptions options = default)
    {
        var token = await GetTokenWithinAsync(options).ConfigureAwait(false);
        var headers = new Metadata();
        foreach (var entry in options.Headers ?? [])
        {
            headers.Add(entry);
        }

        headers.Add("authorization", "Bearer " + token);
        if (OfficerId is not null && headers.GetValue(OfficerHeader) is null)
        {
            headers.Add(OfficerHeader, OfficerId);
        }

        return options with { Headers = headers };
    }

    /// <summary>
    /// A unary call with the agency's credentials. When the hub answers UNAUTHENTICATED the token is
    /// dropped, so the next call fetches a new one (the call itself is not retried: it may not be
    /// safe to repeat).
    /// </summary>
    /// <exception cref="RpcException">The call or the token request failed with this status.</exception>
    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var withCredentials = await WithCredentialsAsync(options).ConfigureAwait(false);
        try
        {
            return await Channel.UnaryAsync(method, request, withCredentials).ConfigureAwait(false);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unauthenticated)
        {
            Tokens.Invalidate(withCredentials.Headers!.GetValue("authorization")!["Bearer ".Length..]);
            throw;
        }
    }

    private async Task<string> GetTokenWithinAsync(CallOptions options)
    {
        if (options.Deadline is not { } deadline || deadline == DateTime.MaxValue)
        {
            return await Tokens.GetTokenAsync(options.CancellationToken).ConfigureAwait(false);
        }

        using var withinDeadline = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken);
        var remaining = deadline.ToUniversalTime() - DateTime.UtcNow;
        withinDeadline.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        try
        {
            return await Tokens.GetTokenAsync(withinDeadline.Token).ConfigureAwait(false);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && !options.CancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new RpcStatus(StatusCode.DeadlineExceeded, "deadline exceeded while fetching an access token."), ex);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Channel.Dispose();
        Tokens.Dispose();
    }
}
