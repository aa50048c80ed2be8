using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace CoordinationHub.Rpc.Tests.Infrastructure;

/// <summary>
/// Sends hand-made gRPC requests over HTTP/2 so tests can feed the server exactly the malformed bytes
/// and headers a real client would never produce.
/// </summary>
public sealed class RawGrpcClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _address;

    public RawGrpcClient(Uri address)
    {
        _address = address;
        var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.GetCertHashString() == TestCertificates.Server.GetCertHashString() },
        };
        _http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }

    public static byte[] Frame(IMessage message, byte flag = 0) => Frame(message.ToByteArray(), flag);

    public static byte[] Frame(byte[] payload, byte flag = 0, uint? declaredLength = null) =>
        RawGrpc.RawFrame(flag, declaredLength ?? (uint)payload.Length, payload);

    public async Task<RawGrpcResponse> SendAsync(
        string path,
        byte[] body,
        string contentType = "application/grpc",
        Action<HttpRequestMessage>? configure = null,
        Version? version = null,
        HttpMethod? method = null,
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, new Uri(_address, path))
        {
            Version = version ?? HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TE.ParseAdd("trailers");
        configure?.Invoke(request);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var responseBody = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new RawGrpcResponse(response, responseBody);
    }

    public void Dispose() => _http.Dispose();
}
