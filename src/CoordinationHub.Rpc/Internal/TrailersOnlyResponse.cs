using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CoordinationHub.Rpc.Internal;

/// <summary>
/// Writes a status as a trailers-only response: a single HEADERS frame with END_STREAM that carries
/// <c>:status 200</c>, the content-type and the status fields, for calls that end before any message.
/// </summary>
internal static class TrailersOnlyResponse
{
    public static void Write(HttpResponse response, RpcStatus status, Metadata? trailers = null)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.StatusHeader] = ((int)status.Code).ToString(CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(status.Detail))
        {
            response.Headers[GrpcProtocol.MessageHeader] = PercentEncoding.Encode(status.Detail);
        }

        if (trailers is null)
        {
            return;
        }

        foreach (var entry in trailers)
        {
            response.Headers.Append(entry.Key, MetadataHeaders.ToHeaderValue(entry));
        }
    }
}
