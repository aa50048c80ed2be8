using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using CoordinationHub.Contracts.V1;
using CoordinationHub.Rpc;
using CoordinationHub.Rpc.Client;

namespace CoordinationHub.Testing.Hub;

/// <summary>What an agency adapter does against a hub: fetch a token over mTLS, call gRPC with it.</summary>
public sealed class HubClient(Uri address, X509Certificate2 trustedRoot)
{
    public Uri Address => address;

    /// <summary>POST /connect/token over HTTP/2 with the client certificate; the response as status and JSON.</summary>
    public async Task<TokenResponse> RequestTokenAsync(X509Certificate2 certificate, string? clientId, string? scope = null, string grantType = "client_credentials")
    {
        using var http = CreateHttpClient(certificate);
        var form = new Dictionary<string, string> { ["grant_type"] = grantType };
        if (clientId is not null)
        {
            form["client_id"] = clientId;
        }

        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var response = await http.PostAsync(new Uri(address, "/connect/token"), new FormUrlEncodedContent(form));
        var body = await response.Content.ReadAsStringAsync();
        return new TokenResponse(response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }

    /// <summary>A token for the agency; throws (failing the test) when none is issued.</summary>
    public async Task<string> GetTokenAsync(X509Certificate2 certificate, string clientId, string? scope = null)
    {
        var response = await RequestTokenAsync(certificate, clientId, scope);
        // A library, not a test project: no xunit.assert here; the exception fails the test the same way.
        return response.Status == HttpStatusCode.OK
            ? response.Body.GetProperty("access_token").GetString()!
            : throw new InvalidOperationException($"token request failed: {response.Status} {response.Body}");
    }

    public async Task<string> GetStringAsync(X509Certificate2 certificate, string path)
    {
        using var http = CreateHttpClient(certificate);
        return await http.GetStringAsync(new Uri(address, path));
    }

    public RpcChannel OpenChannel(X509Certificate2 certificate) =>
        RpcChannel.ForAddress(address, new RpcChannelOptions { ClientCertificate = certificate, TrustedRoots = [trustedRoot] });

    /// <summary>The probe RPC: HubInfoService/GetHubInfo with an optional token and officer.</summary>
    public async Task<GetHubInfoResponse> GetHubInfoAsync(X509Certificate2 certificate, string? token, string? officer = null)
    {
        using var channel = OpenChannel(certificate);
        return await GetHubInfoAsync(channel, token, officer);
    }

    public static Task<GetHubInfoResponse> GetHubInfoAsync(RpcChannel channel, string? token, string? officer = null) =>
        channel.UnaryAsync(HubInfoServiceMethods.GetHubInfo, new GetHubInfoRequest(), WithCredentials(token, officer));

    public static CallOptions WithCredentials(string? token, string? officer = null)
    {
        var headers = new Metadata();
        if (token is not null)
        {
            headers.Add("authorization", $"Bearer {token}");
        }

        if (officer is not null)
        {
            headers.Add("x-officer-id", officer);
        }

        return new CallOptions { Headers = headers, Deadline = DateTime.UtcNow.AddSeconds(30) };
    }

    private HttpClient CreateHttpClient(X509Certificate2 certificate)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificateContext = SslStreamCertificateContext.Create(certificate, additionalCertificates: null, offline: true),
                RemoteCertificateValidationCallback = (_, server, _, _) => server is not null && ChainsToRoot(server),
            },
        };
        return new HttpClient(handler)
        {
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    private bool ChainsToRoot(X509Certificate server)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trustedRoot);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(server.GetRawCertData());
        return chain.Build(leaf);
    }
}
