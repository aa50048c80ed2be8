using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using CoordinationHub.Cli.Connection;
using CoordinationHub.Rpc;

namespace CoordinationHub.Cli.Commands.Audit;

/// <summary>
/// The two plain HTTPS requests the audit commands need besides gRPC: an access token
/// (<c>POST /connect/token</c>, client credentials over the same client certificate, RFC 8705)
/// and the published checkpoint keys. Reads the PEM files again rather than changing the shared
/// connection; to be folded into hubctl's token client when that lands.
/// </summary>
internal sealed class AuditHttp : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _hub;

    private AuditHttp(HttpClient http, Uri hub)
    {
        _http = http;
        _hub = hub;
    }

    public static AuditHttp Open(HubConnectionOptions options)
    {
        var roots = options.CaFile is { } ca ? PemFiles.ReadTrustedRoots(ca) : null;
        var certificate = options.CertificateFile is { } cert ? PemFiles.ReadClientCertificate(cert, options.KeyFile) : null;
#pragma warning disable CA2000 // The HttpClient owns the handler (disposeHandler: true) and AuditHttp owns the client.
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = certificate is null ? null : new X509CertificateCollection { certificate },
                RemoteCertificateValidationCallback = roots is null ? null : (_, server, _, errors) => server is not null && ChainsTo(server, roots),
            },
        };
        var http = new HttpClient(handler, disposeHandler: true)
        {
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrHigher,
            Timeout = options.Timeout,
        };
#pragma warning restore CA2000
        return new AuditHttp(http, options.Hub);
    }

    /// <summary>A token with scope <c>audit.read</c> for <paramref name="clientId"/> (the certificate's agency).</summary>
    /// <exception cref="RpcException">UNAUTHENTICATED or PERMISSION_DENIED with the hub's OAuth error, so it exits like any refused call.</exception>
    public async Task<string> GetTokenAsync(string clientId, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["scope"] = "audit.read",
        });
        using var response = await ReachAsync(() => _http.PostAsync(new Uri(_hub, "/connect/token"), form, cancellationToken), cancellationToken).ConfigureAwait(false);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        if (response.IsSuccessStatusCode && body.RootElement.TryGetProperty("access_token", out var token))
        {
            return token.GetString() ?? string.Empty;
        }

        var error = body.RootElement.TryGetProperty("error", out var e) ? e.GetString() : "error";
        var description = body.RootElement.TryGetProperty("error_description", out var d) ? d.GetString() : string.Empty;
        var code = response.StatusCode == HttpStatusCode.Unauthorized ? StatusCode.Unauthenticated : StatusCode.PermissionDenied;
        throw new RpcException(code, $"token request refused ({error}): {description}");
    }

    /// <summary>The hub's current checkpoint public key.</summary>
    public Task<string> GetCheckpointKeyPemAsync(CancellationToken cancellationToken) =>
        ReachAsync(() => _http.GetStringAsync(new Uri(_hub, "/.well-known/audit-key.pem"), cancellationToken), cancellationToken);

    /// <summary>Every checkpoint public key the hub trusts, the current one first: what verifies a log that spans a rotation.</summary>
    public Task<string> GetTrustedKeysPemAsync(CancellationToken cancellationToken) =>
        ReachAsync(() => _http.GetStringAsync(new Uri(_hub, "/.well-known/audit-keys.pem"), cancellationToken), cancellationToken);

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// The request, with a hub that cannot be reached (refused, TLS failed, too slow) failing as an
    /// UNAVAILABLE or DEADLINE_EXCEEDED call would, so hubctl exits with the same code and advice.
    /// </summary>
    private static async Task<T> ReachAsync<T>(Func<Task<T>> request, CancellationToken cancellationToken)
    {
        try
        {
            return await request().ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new RpcException(new RpcStatus(StatusCode.Unavailable, ex.Message), ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new RpcStatus(StatusCode.DeadlineExceeded, "the hub did not answer within --timeout."), ex);
        }
    }

    private static bool ChainsTo(X509Certificate server, X509Certificate2Collection roots)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(server.GetRawCertData());
        return chain.Build(leaf);
    }
}
