using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CoordinationHub.Rpc.Internal;
using Microsoft.Extensions.Primitives;

namespace CoordinationHub.Rpc.Client.Internal;

/// <summary>Reads the response HEADERS and trailers of a call: validation, status and metadata.</summary>
internal static class ResponseHeaders
{
    /// <summary>
    /// Null when the response carries messages to read; otherwise the status that ends the call at
    /// once: a trailers-only response (<paramref name="trailersOnly"/>), or a response that is not gRPC.
    /// </summary>
    public static RpcStatus? CheckStart(HttpResponseMessage response, bool expectsOneMessage, out bool trailersOnly)
    {
        // An explicit grpc-status wins over every other sign (http-grpc-status-mapping.md).
        var explicitStatus = ReadStatus(response.Headers);
        trailersOnly = explicitStatus is not null;
        if (explicitStatus is { } status)
        {
            return status.Code == StatusCode.OK && expectsOneMessage ? ClientStatuses.NoMessage : status;
        }

        if (response.Version != HttpVersion.Version20)
        {
            return new RpcStatus(StatusCode.Internal, $"Bad gRPC response: HTTP/{response.Version} instead of HTTP/2.");
        }

        var httpStatus = (int)response.StatusCode;
        if (httpStatus != 200)
        {
            return new RpcStatus(ClientStatusMapping.FromHttpStatus(httpStatus), $"Bad gRPC response: HTTP status {httpStatus} without grpc-status.");
        }

        var contentType = GetValue(response.Content.Headers, "Content-Type");
        if (!GrpcProtocol.IsGrpcContentType(contentType))
        {
            return new RpcStatus(StatusCode.Internal, $"Bad gRPC response: content-type '{contentType}' is not application/grpc.");
        }

        return null;
    }

    /// <summary>The status in <c>grpc-status</c> and <c>grpc-message</c>, or null when there is none.</summary>
    public static RpcStatus? ReadStatus(HttpHeaders headers)
    {
        var code = GetValue(headers, GrpcProtocol.StatusHeader);
        if (code is null)
        {
            return null;
        }

        if (!int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return new RpcStatus(StatusCode.Internal, $"Bad gRPC response: invalid grpc-status '{code}'.");
        }

        var message = GetValue(headers, GrpcProtocol.MessageHeader);
        var detail = message is null ? string.Empty : PercentEncoding.Decode(message);
        // statuscodes.md: a code this client does not know is treated as UNKNOWN.
        return new RpcStatus(Enum.IsDefined((StatusCode)value) ? (StatusCode)value : StatusCode.Unknown, detail);
    }

    /// <summary>The call metadata in <paramref name="headers"/>, without the protocol's own headers.</summary>
    public static Metadata ToMetadata(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers.NonValidated)
        {
            var value = values.Count == 1 ? new StringValues(values.ToString()) : new StringValues(values.ToArray());
            MetadataHeaders.AddFromHeader(metadata, name, value);
        }

        return metadata;
    }

    /// <summary>The response <c>grpc-encoding</c>, or null for identity.</summary>
    public static string? GetEncoding(HttpResponseMessage response)
    {
        var encoding = GetValue(response.Headers, GrpcProtocol.EncodingHeader);
        return encoding is null || encoding == GrpcProtocol.IdentityEncoding ? null : encoding;
    }

    private static string? GetValue(HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;
}
