using System.Net;
using System.Reflection;
using CoordinationHub.Rpc.Internal;

namespace CoordinationHub.Rpc.Client.Internal;

/// <summary>Builds the HTTP/2 request of a call: path, protocol headers and request metadata.</summary>
internal static class ClientRequestFactory
{
    private static readonly string UserAgent = CreateUserAgent();

    public static HttpRequestMessage Create(Uri address, IMethod method, Metadata? metadata, TimeSpan? timeout, string? encoding, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, method.FullName))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        var headers = request.Headers;
        headers.TryAddWithoutValidation(GrpcProtocol.TeHeader, "trailers");
        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, MessageCompression.AcceptEncodingValue);
        if (timeout is { } value)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(value));
        }

        if (encoding is not null)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.EncodingHeader, encoding);
        }

        var customUserAgent = false;
        if (metadata is not null)
        {
            foreach (var entry in metadata)
            {
                // The transport owns content-type, te, host and the like; metadata cannot override them.
                if (GrpcProtocol.IsReservedHeader(entry.Key))
                {
                    continue;
                }

                customUserAgent |= entry.Key == GrpcProtocol.UserAgentHeader;
                headers.TryAddWithoutValidation(entry.Key, MetadataHeaders.ToHeaderValue(entry));
            }
        }

        if (!customUserAgent)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.UserAgentHeader, UserAgent);
        }

        return request;
    }

    private static string CreateUserAgent()
    {
        var version = typeof(ClientRequestFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var metadataStart = version.IndexOf('+', StringComparison.Ordinal);
        return $"coordinationhub-rpc/{(metadataStart < 0 ? version : version[..metadataStart])}";
    }
}
