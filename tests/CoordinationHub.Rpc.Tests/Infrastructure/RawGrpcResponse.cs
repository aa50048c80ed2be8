using System.Net;
using System.Net.Http.Headers;

namespace CoordinationHub.Rpc.Tests.Infrastructure;

/// <summary>What came back for a raw request: HTTP status, headers, body bytes and trailers.</summary>
public sealed class RawGrpcResponse
{
    public RawGrpcResponse(HttpResponseMessage response, byte[] body)
    {
        HttpStatus = response.StatusCode;
        Version = response.Version;
        Headers = response.Headers;
        ContentType = response.Content.Headers.ContentType?.MediaType;
        Trailers = response.TrailingHeaders;
        Body = body;
    }

    public HttpStatusCode HttpStatus { get; }

    public Version Version { get; }

    public HttpResponseHeaders Headers { get; }

    public HttpResponseHeaders Trailers { get; }

    public string? ContentType { get; }

    public byte[] Body { get; }

    /// <summary>True when the status came in the headers: a trailers-only response.</summary>
    public bool IsTrailersOnly => Headers.Contains("grpc-status");

    /// <summary>The grpc-status, from the trailers or (trailers-only) the headers.</summary>
    public int? GrpcStatus => Get("grpc-status") is { } value ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    public string? GrpcMessage => Get("grpc-message") is { } value ? Uri.UnescapeDataString(value) : null;

    public string? Get(string name) =>
        Trailers.TryGetValues(name, out var trailer) ? trailer.First()
        : Headers.TryGetValues(name, out var header) ? header.First()
        : null;
}
